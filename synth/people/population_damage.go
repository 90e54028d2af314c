package people

import (
	"fmt"
	"github.com/sohoa/sohoa/synth/world"
	"math/rand/v2"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// entry writes p as a clerk of the year of registration did, with the damage of old books.
func (g *popGen) entry(p person) Entry {
	r := g.r
	year := p.Birth.Year + r.IntN(2)
	written := g.d.PlaceAt(p.born.Prov, p.born.Dist, p.born.Comm, year)
	f := map[string]string{
		"full_name":   g.damageName(p.FullName),
		"sex":         p.Sex,
		"birth_date":  damageDate(r, p.Birth.Day, p.Birth.Month, p.Birth.Year),
		"birth_place": written.Full(),
		"father_name": g.damageName(p.FatherName),
		"mother_name": g.damageName(p.MotherName),
	}
	drop := func(field string, share float64) {
		if r.Float64() < share {
			f[field] = ""
		}
	}
	drop("sex", 0.02)
	drop("birth_place", 0.1)
	drop("father_name", 0.08)
	drop("mother_name", 0.04)
	if r.Float64() < 0.1 {
		f["full_name"] = world.UpperCase(f["full_name"])
	}
	return Entry{Kind: "khai-sinh", CommuneCode: p.born.Comm.Code, Year: year, Fields: f}
}

// damageDate writes a birth date mostly whole; sometimes without the day, as a year alone, with
// day and month swapped, or not at all.
func damageDate(r *rand.Rand, d, m, y int) string {
	switch x := r.Float64(); {
	case d == 0 || m == 0:
		return fmt.Sprint(y)
	case x < 0.10:
		return fmt.Sprintf("%02d/%04d", m, y)
	case x < 0.14:
		return fmt.Sprint(y)
	case x < 0.17 && d <= 12 && d != m:
		return fmt.Sprintf("%02d/%02d/%04d", m, d, y)
	case x < 0.18:
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d, m, y)
}

// damageName misspells a tone mark (a quarter of names) or writes a known spelling shift.
func (g *popGen) damageName(name string) string {
	r := g.r
	w := strings.Fields(name)
	if len(w) == 0 {
		return name
	}
	if r.Float64() < 0.25 {
		i := r.IntN(len(w))
		w[i] = retone(r, w[i])
	}
	if r.Float64() < 0.05 {
		shifts := [][2]string{{"Vũ", "Võ"}, {"Võ", "Vũ"}, {"Dương", "Giương"}, {"Huỳnh", "Hoàng"}}
		for _, s := range shifts {
			if w[0] == s[0] {
				w[0] = s[1]
				break
			}
		}
		last := w[len(w)-1]
		switch {
		case strings.HasSuffix(last, "y"):
			w[len(w)-1] = strings.TrimSuffix(last, "y") + "i"
		case strings.HasPrefix(last, "D"):
			w[len(w)-1] = "Gi" + strings.TrimPrefix(last, "D")
		}
	}
	return strings.Join(w, " ")
}

// tones are the combining tone marks; a syllable has at most one.
var tones = []rune{'\u0300', '\u0301', '\u0303', '\u0309', '\u0323'}

// retone gives a syllable another tone mark (or none), as a hurried or unsure hand does.
func retone(r *rand.Rand, syl string) string {
	rs := []rune(norm.NFD.String(syl))
	at, old := -1, rune(0)
	for i, c := range rs {
		for _, t := range tones {
			if c == t {
				at, old = i, c
			}
		}
	}
	if at < 0 { // level tone: put a mark after the last vowel and its other marks
		for i := len(rs) - 1; i >= 0; i-- {
			if strings.ContainsRune("aeiouyAEIOUY", rs[i]) {
				at = i + 1
				for at < len(rs) && rs[at] >= '\u0300' && rs[at] <= '\u036f' {
					at++
				}
				break
			}
		}
		if at < 0 {
			return syl
		}
		rs = append(rs[:at], append([]rune{tones[r.IntN(len(tones))]}, rs[at:]...)...)
		return norm.NFC.String(string(rs))
	}
	choices := make([]rune, 0, 5)
	for _, t := range tones {
		if t != old {
			choices = append(choices, t)
		}
	}
	if pick := r.IntN(len(choices) + 1); pick < len(choices) {
		rs[at] = choices[pick]
	} else {
		rs = append(rs[:at], rs[at+1:]...)
	}
	return norm.NFC.String(string(rs))
}
