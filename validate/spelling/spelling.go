package spelling

import (
	"strings"
	"unicode"
)

// sameSpelling reports whether two names are written alike up to case, punctuation and where
// the tone mark sits ("Hoá" and "Hóa" are the same word in the old and new placement), but not
// up to a missing or different hook, hat or tone ("Chỉnh" is not "Chinh", "Thuợng" is not
// "Thượng").
func SameSpelling(a, b string) bool {
	wa, wb := spellingKeys(a), spellingKeys(b)
	if len(wa) != len(wb) {
		return false
	}
	for i := range wa {
		if wa[i] != wb[i] {
			return false
		}
	}
	return true
}

// spellingKeys gives each word as its lowercase letters with their hooks and hats, then its tone.
func spellingKeys(s string) []string {
	var keys []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		var b strings.Builder
		t := toneNone
		for _, r := range w {
			l := decompose(unicode.ToLower(r))
			if l.tone != toneNone {
				t = l.tone
			}
			b.WriteRune(l.base)
			b.WriteByte(byte('0' + l.mod))
		}
		b.WriteByte(byte('a' + t))
		keys = append(keys, b.String())
	}
	return keys
}

// hasMarks reports whether s carries any Vietnamese diacritic: a name typed without any (old
// typewriters had none) is not a misreading of its accents.
func HasMarks(s string) bool {
	for _, r := range s {
		if l := decompose(r); l.mod != modNone || l.tone != toneNone {
			return true
		}
	}
	return false
}
