package embed

import (
	"errors"
	"time"
)

// Video is a validated video reference.
type Video struct {
	Provider string        // "youtube", "vimeo", ...
	ID       string        // validated by the provider's rules
	Start    time.Duration // where playback starts; 0 for the beginning
	End      time.Duration // where playback ends; 0 for the end
	Title    string        // accessible title of the iframe
}

// Options controls the HTML of an embed.
type Options struct{}

// Parse accepts any URL form of a supported provider, or a bare YouTube ID.
func Parse(urlOrID string) (Video, error) { return Video{}, errors.New("embed: not implemented") }

// FromHTML recognises a hand-written embed: a provider iframe alone, or
// inside the responsive wrapper divs older posts use. ok is false when the
// fragment holds anything else.
func FromHTML(fragment []byte) (v Video, ok bool) { return Video{}, false }

// HTML writes the responsive iframe for v.
func (v Video) HTML(opts Options) []byte { return nil }
