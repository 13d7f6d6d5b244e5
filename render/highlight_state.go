package render

// fencePos returns the file line and column of off, an offset of the
// parsed source src. A state that has no source yet (folio's first
// transformer did not run) takes src, so that its line index is built
// once rather than the lines before every fence counted again.
func fencePos(d *docState, src []byte, off int) (line, col int) {
	if d.src == nil {
		d.src = src
	}
	return d.lineColSource(d.sourceOffset(off))
}
