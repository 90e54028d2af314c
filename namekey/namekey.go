package namekey

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold lowercases s and drops every diacritic (tone marks, ơ/ư horns, â/ê/ô circumflexes,
// ă breves; đ becomes d), keeping letters and digits, words separated by one space.
func Fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
		default:
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Lower is s in NFC, lowercase, words separated by one space: the exact form of a name.
func Lower(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(norm.NFC.String(s))), " ")
}

// surnameShift maps folded surnames written two ways for one family to one class.
var surnameShift = map[string]string{
	"vo": "vu", "huynh": "hoang", "giuong": "duong", "bui": "bui",
}

// Canon puts one folded syllable in its spelling-shift class: initial gi and r written for d
// (dialects merge them), y written for i.
func Canon(w string) string {
	if strings.HasPrefix(w, "gi") && len(w) > 2 && strings.ContainsRune("aeiouy", rune(w[2])) {
		w = "d" + w[2:]
	}
	return strings.ReplaceAll(w, "y", "i")
}

// Parts are the canonical keys of a full name: family name, middle name(s), given name.
type Parts struct {
	Surname, Middle, Given string
}

// Split cuts a full name into its canonical keys: the first word is the family name, the last
// the given name, those between the middle name. A one-word name is a given name alone.
func Split(full string) Parts {
	w := strings.Fields(Fold(full))
	switch len(w) {
	case 0:
		return Parts{}
	case 1:
		return Parts{Given: Canon(w[0])}
	}
	sur := w[0]
	if s, ok := surnameShift[sur]; ok {
		sur = s
	}
	mid := make([]string, 0, len(w)-2)
	for _, m := range w[1 : len(w)-1] {
		mid = append(mid, Canon(m))
	}
	return Parts{Surname: Canon(sur), Middle: strings.Join(mid, " "), Given: Canon(w[len(w)-1])}
}

// Key is the whole name's canonical key, "surname middle given", for trigram search.
func (p Parts) Key() string {
	return strings.Join(strings.Fields(p.Surname+" "+p.Middle+" "+p.Given), " ")
}
