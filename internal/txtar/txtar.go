// Package txtar reads and writes the txtar archives of folio's golden
// files: a comment, then files, each after a marker line "-- name --".
//
// It is the format of golang.org/x/tools/txtar, written here so that the
// module's tests need no golang.org/x/tools (which a program importing folio
// would otherwise find in its go.sum). A marker is a line that starts with
// "-- " and ends with " --" (a final "\r" before the newline is ignored);
// the name is what lies between, trimmed of spaces. The comment and every
// file's data end with a newline unless empty.
package txtar

import (
	"bytes"
	"os"
	"strings"
)

// Archive is a txtar archive.
type Archive struct {
	Comment []byte
	Files   []File
}

// File is one file of an archive.
type File struct {
	Name string
	Data []byte
}

// ParseFile reads and parses the archive in file.
func ParseFile(file string) (*Archive, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return Parse(data), nil
}

// Parse parses an archive. Its comment and files share data's memory.
func Parse(data []byte) *Archive {
	a := &Archive{}
	part := &a.Comment
	start := 0 // where the current part's data starts
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		line := data[off:]
		if end >= 0 {
			line, next = data[off:off+end], off+end+1
		}
		if name, ok := markerName(line); ok {
			*part = data[start:off]
			a.Files = append(a.Files, File{Name: name})
			part = &a.Files[len(a.Files)-1].Data
			start = next
		}
		off = next
	}
	*part = withNL(data[min(start, len(data)):])
	return a
}

// markerName returns the name of a marker line "-- name --".
func markerName(line []byte) (string, bool) {
	line = bytes.TrimSuffix(line, []byte("\r"))
	if len(line) < len("-- ")+len(" --") || !bytes.HasPrefix(line, []byte("-- ")) || !bytes.HasSuffix(line, []byte(" --")) {
		return "", false
	}
	name := strings.TrimSpace(string(line[len("-- ") : len(line)-len(" --")]))
	return name, name != ""
}

// Format writes an archive in txtar form.
func Format(a *Archive) []byte {
	var b bytes.Buffer
	b.Write(withNL(a.Comment))
	for _, f := range a.Files {
		b.WriteString("-- " + f.Name + " --\n")
		b.Write(withNL(f.Data))
	}
	return b.Bytes()
}

// withNL returns data ending with a newline, unless it is empty.
func withNL(data []byte) []byte {
	if len(data) == 0 || data[len(data)-1] == '\n' {
		return data
	}
	return append(data[:len(data):len(data)], '\n')
}
