package complete

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// foldTable maps a precomposed letter to its base letter, lower case.
var foldTable = func() map[rune]rune {
	m := map[rune]rune{'đ': 'd', 'Đ': 'd'}
	for r := rune(0xC0); r < 0x1FFF; r++ {
		if !unicode.IsLetter(r) {
			continue
		}
		d := []rune(norm.NFD.String(string(r)))
		if len(d) > 1 && d[0] < 0x80 {
			m[r] = unicode.ToLower(d[0])
		}
	}
	return m
}()

// fold is s without diacritics, in lower case, with single spaces and NFC input assumed or not:
// "Nguyễn  Văn" and "nguyen van" both give "nguyen van". A trailing space is kept, since it says
// the last word is finished.
func fold(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		case unicode.Is(unicode.Mn, r):
			continue // a combining mark left by NFC (none for Vietnamese, some for odd input)
		}
		space = false
		if f, ok := foldTable[r]; ok {
			r = f
		} else {
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Fold is the form completion matches on: no diacritics, lower case, single spaces ("Xóm
// Đông" → "xom dong"). ConfirmedPlaces gets its prefix in this form.
func Fold(s string) string { return fold(s) }

// titleWord capitalises the first letter of a word ("nguyễn" → "Nguyễn").
func titleWord(w string) string {
	for i, r := range w {
		return string(unicode.ToUpper(r)) + w[i+len(string(r)):]
	}
	return w
}
