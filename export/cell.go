package export

import "strings"

// Safe makes a value harmless in a spreadsheet cell: a value starting with = + - @, a tab or a
// carriage return would be taken as a formula (or shift it) by spreadsheet programs, so it gets a
// leading apostrophe, which they show as text. Other values are returned unchanged.
func Safe(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	// Full-width signs are folded to ASCII by some programs before they parse a formula.
	for _, p := range []string{"＝", "＋", "－", "＠"} {
		if strings.HasPrefix(s, p) {
			return "'" + s
		}
	}
	return s
}
