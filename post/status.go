package post

import "time"

// Status is the publish state of a post at a given time.
type Status int

// The publish states, in the order Status checks them.
const (
	Published Status = iota // none of the below: the post is live
	Draft                   // draft: true (or published: false)
	Expired                 // ExpiryDate is set and not after now
	Future                  // PublishDate is after now
)

// String returns "published", "draft", "expired" or "future".
func (s Status) String() string {
	switch s {
	case Draft:
		return "draft"
	case Expired:
		return "expired"
	case Future:
		return "future"
	}
	return "published"
}

// Status returns the post's publish state at now, as Hugo decides which
// pages to build: a draft is Draft; otherwise a post whose ExpiryDate is
// set and before now is Expired; otherwise a post whose PublishDate is
// after now is Future; otherwise it is Published. A site generator passes
// its own clock, so that builds are reproducible:
//
//	switch p.Status(buildTime) {
//	case post.Draft, post.Future, post.Expired:
//		continue // skip, as hugo does without --buildDrafts etc.
//	}
func (p *Post) Status(now time.Time) Status {
	fm := &p.FrontMatter
	switch {
	case fm.Draft:
		return Draft
	case !fm.ExpiryDate.IsZero() && fm.ExpiryDate.Before(now):
		return Expired
	case fm.PublishDate.After(now):
		return Future
	}
	return Published
}
