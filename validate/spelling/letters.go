package spelling

import (
	"strings"
	"unicode"
)

// tone is one of the six Vietnamese tones, written as a mark on the main vowel.
type tone uint8

const (
	toneNone  tone = iota // ngang
	toneAcute             // sắc
	toneGrave             // huyền
	toneHook              // hỏi
	toneTilde             // ngã
	toneDot               // nặng
)

// mod is a letter-forming diacritic: ă â ê ô ơ ư đ.
type mod uint8

const (
	modNone mod = iota
	modBreve
	modCircumflex
	modHorn
	modStroke
)

// letter is a rune split into a base Latin letter and its Vietnamese marks.
type letter struct {
	base rune
	mod  mod
	tone tone
}

// vowelTable lists every Vietnamese vowel in groups of six tones (ngang, huyền, sắc, hỏi, ngã,
// nặng); a constant string keeps the lookup table immutable and free of norm calls. vowelIndex
// (vowels_gen.go) is generated from it.
//
//go:generate go run gen_vowels.go
const vowelTable = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"

// vowelGroups gives the base letter and mark of each group of six in vowelTable.
var vowelGroups = [...]letter{{'a', modNone, 0}, {'a', modBreve, 0}, {'a', modCircumflex, 0}, {'e', modNone, 0},
	{'e', modCircumflex, 0}, {'i', modNone, 0}, {'o', modNone, 0}, {'o', modCircumflex, 0}, {'o', modHorn, 0},
	{'u', modNone, 0}, {'u', modHorn, 0}, {'y', modNone, 0}}

// tableTones maps a position within a group of six to its tone.
var tableTones = [...]tone{toneNone, toneGrave, toneAcute, toneHook, toneTilde, toneDot}

// decompose splits a Vietnamese letter into base, mark and tone; other runes come back whole.
func decompose(r rune) letter {
	switch r {
	case 'đ':
		return letter{base: 'd', mod: modStroke}
	case 'Đ':
		return letter{base: 'D', mod: modStroke}
	}
	if r < 0x80 && r != 'a' && r != 'e' && r != 'i' && r != 'o' && r != 'u' && r != 'y' {
		return letter{base: r}
	}
	i := vowelIndex(r)
	if i < 0 {
		return letter{base: r}
	}
	l := vowelGroups[i/6]
	l.tone = tableTones[i%6]
	if unicode.IsUpper(r) {
		l.base = unicode.ToUpper(l.base)
	}
	return l
}

// compose is the inverse of decompose.
func compose(l letter) rune {
	if l.mod == modStroke {
		if l.base == 'D' {
			return 'Đ'
		}
		return 'đ'
	}
	upper := unicode.IsUpper(l.base)
	lb := unicode.ToLower(l.base)
	for g, v := range vowelGroups {
		if v.base != lb || v.mod != l.mod {
			continue
		}
		want := 0
		for k, t := range tableTones {
			if t == l.tone {
				want = g*6 + k
			}
		}
		i := 0
		for _, c := range vowelTable {
			if i == want {
				if upper {
					return unicode.ToUpper(c)
				}
				return c
			}
			i++
		}
	}
	return l.base
}

// fold lowercases s and removes every Vietnamese diacritic (đ becomes d), for accent-insensitive
// matching: "Hoà Bình" and "Hòa Bình" both fold to "hoa binh".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r >= 0x80 {
			r = decompose(r).base
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// isVowelBase reports whether b (lowercase, no marks) is a Vietnamese vowel letter.
func isVowelBase(b rune) bool {
	switch b {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}
