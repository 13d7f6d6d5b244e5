// Package embed turns YouTube and Vimeo URLs into validated, private, lazy,
// responsive iframe HTML.
//
// The package shares its name with the standard library's embed package;
// a blank import of that package binds no name, so both can be used in one file.
package embed
