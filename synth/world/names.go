package world

import (
	"math/rand/v2"
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

// Sex values as normalised in the ground truth.
const (
	SexMale   = "Nam"
	SexFemale = "Nữ"
)

// PersonName draws a full name for sex; surname, if not empty, is the family name to use.
// Women mostly carry the middle name Thị and men Văn, as in the 1975–1999 registers.
func (d *Data) PersonName(r *rand.Rand, sex, surname string) string {
	if surname == "" {
		surname = d.surnames.pick(r)
	}
	lastWord := func(s string) string {
		f := strings.Fields(s)
		return f[len(f)-1]
	}
	var given string
	if sex == SexFemale {
		g := d.female[r.IntN(len(d.female))]
		switch x := r.Float64(); {
		case x < 0.6:
			given = "Thị " + lastWord(g)
		default:
			given = g
		}
	} else {
		g := d.male[r.IntN(len(d.male))]
		switch x := r.Float64(); {
		case x < 0.45:
			given = "Văn " + lastWord(g)
		case x < 0.7:
			m := d.middles.pick(r)
			for m == "Thị" || m == "Văn" {
				m = d.middles.pick(r)
			}
			given = m + " " + lastWord(g)
		default:
			given = g
		}
	}
	return TitleCase(surname + " " + given)
}

// TitleCase capitalises each word the Vietnamese way ("NGUYỄN thị an" → "Nguyễn Thị An").
func TitleCase(s string) string {
	return cases.Title(language.Vietnamese).String(strings.Join(strings.Fields(s), " "))
}

// UpperCase is a name as typed in capitals on some registers.
func UpperCase(s string) string { return cases.Upper(language.Vietnamese).String(s) }
