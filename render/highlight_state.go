package render

// fencePos returns the file line and column of off, an offset of the
// parsed source src.
func fencePos(d *docState, src []byte, off int) (line, col int) {
	if d == nil || d.src == nil {
		return lineColIn(src, off)
	}
	return d.lineCol(d.origOffset(off))
}
