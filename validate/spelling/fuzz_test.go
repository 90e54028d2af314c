package spelling_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/sohoa/sohoa/validate/spelling"
)

// FuzzSyllableCheck: the syllable check never panics, ignores case and Unicode normalisation
// (NFD input from a Mac or a phone is the same word), and accepts only words of letters.
func FuzzSyllableCheck(f *testing.F) {
	for _, s := range []string{"Ngô", "Ngoâ", "Ngeou", "nguyễn", "NGUYỄN", "nguye\u0303\u0302n", "Đặng", "đ", "a", "",
		"khuỷu", "gì", "qua", "xx", "\u0301", "ươ", "Thuý", "Thúy", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		ok := spelling.IsSyllable(w)
		if spelling.IsSyllable(norm.NFD.String(w)) != ok {
			t.Fatalf("%q: the answer (%v) depends on Unicode normalisation", w, ok)
		}
		// Case does not matter, for letters whose upper case lowers back to them (not "ſ" or "K").
		if up := strings.ToUpper(w); strings.ToLower(up) == strings.ToLower(w) && spelling.IsSyllable(up) != ok {
			t.Fatalf("%q: the answer (%v) depends on case", w, ok)
		}
		if ok && (w == "" || strings.ContainsFunc(w, func(r rune) bool { return r == ' ' || r < 'A' || r == utf8.RuneError })) {
			t.Fatalf("%q accepted as a syllable", w)
		}
	})
}
