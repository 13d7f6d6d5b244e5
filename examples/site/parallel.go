package main

import (
	"bytes"
	"sync"
)

// eachItem runs f on every item on c.workers goroutines, each with its
// own buffer, and returns the first error (the items after it may still
// run). Writing pages in parallel as they are rendered keeps a build on
// N workers close to N times as fast as on one.
func (c *config) eachItem(items []*item, f func(it *item, buf *bytes.Buffer) error) error {
	next := make(chan *item)
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	for range min(c.workers, max(len(items), 1)) {
		wg.Go(func() {
			var buf bytes.Buffer
			for it := range next {
				if err := f(it, &buf); err != nil {
					once.Do(func() { first = err })
				}
			}
		})
	}
	for _, it := range items {
		next <- it
	}
	close(next)
	wg.Wait()
	return first
}
