package highlight

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"
)

// DirCache is a [Cache] in a directory, one file per block, that outlives
// the process: a site built again reuses the blocks of the last build. It
// is safe for concurrent use by several goroutines and by several
// processes sharing the directory.
//
// A file is written to a temporary file in the same directory and then
// renamed into place, so a reader sees either a whole entry or none.
// Each file starts with a header that holds the key, [OutputVersion], the
// length of the HTML and its SHA-256; Get checks all of them and never
// returns an entry that fails: it removes the file and reports a miss,
// and the Highlighter writes the entry again.
//
// One DirCache may also hold the results of render.WithResultCache (their
// keys never meet a block's): a site's rebuild then reads an unchanged
// post whole and highlights only the changed blocks of the others.
//
// A DirCache never removes entries that are sound, so the directory grows
// with every block ever written; remove it, or its contents, to start
// afresh. A process killed while writing may leave a temporary file
// (named .tmp-*), which is never read.
type DirCache struct {
	dir string

	corrupt, writeErrors atomic.Int64
}

// DirCacheStats counts what went wrong in a DirCache.
type DirCacheStats struct {
	Corrupt     int64 // files that failed a check on Get, and were removed
	WriteErrors int64 // entries Put could not write, and dropped
}

// NewDirCache returns a DirCache in dir, creating the directory if it
// does not exist. The error is the one creating it, an *fs.PathError.
func NewDirCache(dir string) (*DirCache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return &DirCache{dir: dir}, nil
}

// Dir returns the directory of c.
func (c *DirCache) Dir() string { return c.dir }

// Stats returns the counts of corrupt files and failed writes so far.
func (c *DirCache) Stats() DirCacheStats {
	return DirCacheStats{Corrupt: c.corrupt.Load(), WriteErrors: c.writeErrors.Load()}
}

// The layout of a cache file: magic, file format, OutputVersion, key,
// HTML length, SHA-256 of the HTML, then the HTML.
const (
	dirMagic      = "folio-hl"
	dirFormat     = 1
	dirHeaderSize = len(dirMagic) + 4 + 4 + sha256.Size + 8 + sha256.Size
)

// path returns the file of k: a subdirectory per first byte keeps
// directories small.
func (c *DirCache) path(k Key) (sub, file string) {
	h := k.String()
	sub = filepath.Join(c.dir, h[:2])
	return sub, filepath.Join(sub, h[2:]+".html")
}

// Get returns the HTML stored under k if its file is there and sound. A
// file that is not (truncated, altered, of another version or key) is
// removed.
func (c *DirCache) Get(k Key) ([]byte, bool) {
	_, file := c.path(k)
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, false
	}
	html, err := decodeEntry(k, data)
	if err != nil {
		c.corrupt.Add(1)
		// Another process may have just replaced the file with a sound
		// one; removing that costs it one miss, nothing worse.
		_ = os.Remove(file)
		return nil, false
	}
	return html, true
}

// Put writes html under k. A failure (a full disk, a read-only
// directory) drops the entry and counts in Stats.
func (c *DirCache) Put(k Key, html []byte) {
	if err := c.put(k, html); err != nil {
		c.writeErrors.Add(1)
	}
}

func (c *DirCache) put(k Key, html []byte) error {
	sub, file := c.path(k)
	tmp, err := os.CreateTemp(sub, ".tmp-*")
	if errors.Is(err, fs.ErrNotExist) {
		if err = os.MkdirAll(sub, 0o755); err == nil {
			tmp, err = os.CreateTemp(sub, ".tmp-*")
		}
	}
	if err != nil {
		return err
	}
	_, err = tmp.Write(encodeEntry(k, html))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
	}
	return err
}

// encodeEntry returns the file for html under k.
func encodeEntry(k Key, html []byte) []byte {
	b := make([]byte, 0, dirHeaderSize+len(html))
	b = append(b, dirMagic...)
	b = binary.BigEndian.AppendUint32(b, dirFormat)
	b = binary.BigEndian.AppendUint32(b, OutputVersion)
	b = append(b, k[:]...)
	b = binary.BigEndian.AppendUint64(b, uint64(len(html)))
	sum := sha256.Sum256(html)
	b = append(b, sum[:]...)
	return append(b, html...)
}

// errCorrupt is why decodeEntry refuses a file.
var errCorrupt = errors.New("highlight: corrupt cache file")

// decodeEntry returns the HTML of a file written by encodeEntry for k, or
// an error if it is anything else.
func decodeEntry(k Key, data []byte) ([]byte, error) {
	if len(data) < dirHeaderSize {
		return nil, fmt.Errorf("%w: %d bytes, shorter than a header", errCorrupt, len(data))
	}
	h := data[:dirHeaderSize]
	if string(h[:len(dirMagic)]) != dirMagic {
		return nil, fmt.Errorf("%w: bad magic", errCorrupt)
	}
	h = h[len(dirMagic):]
	if f := binary.BigEndian.Uint32(h); f != dirFormat {
		return nil, fmt.Errorf("%w: file format %d, want %d", errCorrupt, f, dirFormat)
	}
	if v := binary.BigEndian.Uint32(h[4:]); v != OutputVersion {
		return nil, fmt.Errorf("%w: output version %d, want %d", errCorrupt, v, OutputVersion)
	}
	h = h[8:]
	if !bytes.Equal(h[:len(k)], k[:]) {
		return nil, fmt.Errorf("%w: key mismatch", errCorrupt)
	}
	h = h[len(k):]
	html := data[dirHeaderSize:]
	if n := binary.BigEndian.Uint64(h); n != uint64(len(html)) {
		return nil, fmt.Errorf("%w: %d bytes of HTML, header says %d", errCorrupt, len(html), n)
	}
	if sum := sha256.Sum256(html); !bytes.Equal(h[8:], sum[:]) {
		return nil, fmt.Errorf("%w: checksum mismatch", errCorrupt)
	}
	return html, nil
}
