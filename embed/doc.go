// Package embed turns YouTube and Vimeo URLs into validated, private, lazy,
// responsive iframe HTML, and recognises the embeds older posts wrote by hand.
//
//	v, err := embed.Parse("https://youtu.be/dQw4w9WgXcQ?t=90")
//	if err != nil {
//		return err // *embed.Error; errors.Is(err, embed.ErrInvalidID), ...
//	}
//	html := v.HTML(embed.Options{}) // nocookie host, loading="lazy", 16:9
//
// The stages are [Parse] (or [YouTube], [Vimeo], [FromHTML]) to a [Video],
// then [Video.HTML] with [Options]. A Video only ever reaches HTML through
// its provider's validation, and every attribute is escaped, so no input can
// put anything but a player from a fixed origin
// (https://www.youtube-nocookie.com/embed/, https://www.youtube.com/embed/,
// https://player.vimeo.com/video/) into the page.
//
// # URL forms
//
// YouTube: youtube.com/watch?v=ID (www., m., music. hosts), youtu.be/ID,
// /embed/ID, /shorts/ID (a Short: 9:16), /live/ID, /v/ID, and
// youtube-nocookie.com/embed/ID; t= or start= and end= in seconds or 1h2m3s
// form, #t=, and list= (a playlist). A bare 11-character ID also parses.
// Vimeo: vimeo.com/ID, vimeo.com/ID/HASH (unlisted), player.vimeo.com/video/ID?h=HASH,
// vimeo.com/channels/NAME/ID, vimeo.com/groups/NAME/videos/ID,
// vimeo.com/showcase/N/video/ID, with #t=. The scheme may be http, https,
// protocol-relative or absent. YouTube IDs are exactly 11 of [A-Za-z0-9_-];
// Vimeo IDs 1 to 12 digits; hashes 6 to 32 lower-case hex digits.
//
// # Wrappers
//
// [WrapperInline] (the default) keeps the ratio with an inline style and
// needs no stylesheet. [WrapperClass] writes no style attribute, for a
// Content-Security-Policy without 'unsafe-inline' styles; serve [CSS] once.
// [WrapperHugo] writes the markup of Hugo's youtube and vimeo shortcodes
// (v0.147+) byte for byte, with Hugo's defaults: www.youtube.com,
// loading="eager" and all six player parameters for YouTube; dnt=0 and no
// loading or title attribute unless given for Vimeo. Options that Hugo also
// has (Class, Title, Loading, Autoplay, Mute, Loop, NoControls,
// NoFullscreen, PrivacyOn) map to Hugo's arguments and configuration; what
// Hugo cannot express is added to the same markup (YouTube list=; Vimeo h=,
// #t=, autoplay, muted, loop, controls; a padding-bottom other than 56.25%
// for Shorts or a Ratio).
//
// # Facade
//
// With [Options.Facade] the output is a link to the video's page over a
// local placeholder (an inline SVG play button and the title, or the
// caller's [Options.Thumbnail]): the page makes no request to the video host
// until the reader clicks. Without script the link simply opens the video;
// with [FacadeScript] on the page, the click replaces the link with the
// player (autoplaying, unmuted, since the reader asked for it). The
// player's validated src travels in the data-embed-src attribute.
//
// # Other providers
//
// A [Provider] adds a host (PeerTube, Dailymotion, ...). List it in a
// [Parser], a plain value with no global state:
//
//	p := embed.Parser{Providers: append(embed.Builtins(), myProvider)}
//	v, err := p.Parse(url)
//	html, err := p.AppendHTML(nil, v, embed.Options{})
//
// # Errors
//
// Parsers and [Video.AppendHTML] return an [*Error] that wraps one of the
// Err* sentinels ([ErrInvalidID], [ErrUnsupported], [ErrUserinfo], ...);
// test with [errors.Is], read the details with [errors.As]. [Video.HTML]
// returns nil where AppendHTML would fail. Nothing panics on input.
//
// # Concurrency
//
// Everything is safe for concurrent use: the package has no mutable state,
// Options and Video are plain values, and a [Parser] is only read.
//
// The package shares its name with the standard library's embed package;
// a blank import of that package binds no name, so both can be used in one file.
package embed
