package embed

// AppendHTML appends the embed of v, which may belong to any of p's providers.
func (p Parser) AppendHTML(dst []byte, v Video, opts Options) ([]byte, error) {
	return dst, nil
}
