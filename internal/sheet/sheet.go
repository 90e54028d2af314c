// Package sheet makes values safe to put in a cell of a CSV file or spreadsheet that someone will
// open in Excel or LibreOffice.
package sheet

// Cell neutralises a value a spreadsheet program would run as a formula: one starting with
// =, +, -, @, a tab or a carriage return gets a leading apostrophe, which the program shows as
// text and does not evaluate. Every other value is returned unchanged.
func Cell(v string) string {
	if v == "" {
		return v
	}
	switch v[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + v
	}
	return v
}

// Row is Cell applied to every value of a row, in place.
func Row(vs []string) []string {
	for i, v := range vs {
		vs[i] = Cell(v)
	}
	return vs
}
