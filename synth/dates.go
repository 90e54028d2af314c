package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// dateStyle is one way clerks wrote dates.
type dateStyle int

const (
	dateSlashPadded dateStyle = iota // 05/03/1987
	dateSlash                        // 5/3/1987
	dateDash                         // 5-3-1987
	dateDot                          // 5.3.1987
	dateWords                        // ngày 5 tháng 3 năm 1987
	dateWordsPadded                  // ngày 05 tháng 03 năm 1987
	numDateStyles
)

// pickDateStyle draws a page's dominant date style.
func pickDateStyle(r *rand.Rand) dateStyle {
	weights := [numDateStyles]float64{0.35, 0.15, 0.15, 0.1, 0.15, 0.1}
	x := r.Float64()
	for s, w := range weights {
		if x -= w; x < 0 {
			return dateStyle(s)
		}
	}
	return dateSlashPadded
}

// numeric reports whether the style is short enough for a narrow table column.
func (s dateStyle) numeric() bool { return s < dateWords }

// format writes t in the style.
func (s dateStyle) format(t time.Time) string {
	d, m, y := t.Day(), int(t.Month()), t.Year()
	switch s {
	case dateSlash:
		return fmt.Sprintf("%d/%d/%d", d, m, y)
	case dateDash:
		return fmt.Sprintf("%d-%d-%d", d, m, y)
	case dateDot:
		return fmt.Sprintf("%d.%d.%d", d, m, y)
	case dateWords:
		return fmt.Sprintf("ngày %d tháng %d năm %d", d, m, y)
	case dateWordsPadded:
		return fmt.Sprintf("ngày %02d tháng %02d năm %d", d, m, y)
	}
	return fmt.Sprintf("%02d/%02d/%d", d, m, y)
}

// isoDate is the normalised form of a date in the ground truth.
func isoDate(t time.Time) string { return t.Format(time.DateOnly) }

// date builds a UTC date.
func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// dateInWords writes a birth date in words as on a birth certificate: "Ngày mồng tám tháng sáu
// năm một nghìn chín trăm chín mươi sáu".
func dateInWords(t time.Time) string {
	d := t.Day()
	day := numberWords(d)
	if d <= 10 {
		day = "mồng " + day
	}
	month := numberWords(int(t.Month()))
	if t.Month() == time.April {
		month = "tư"
	}
	return "Ngày " + day + " tháng " + month + " năm " + numberWords(t.Year())
}

var digitWords = [...]string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}

// numberWords spells 0 ≤ n ≤ 9999 in Vietnamese ("một nghìn chín trăm linh năm").
func numberWords(n int) string {
	if n < 10 {
		return digitWords[n]
	}
	if n < 100 {
		tens, units := n/10, n%10
		var b strings.Builder
		if tens == 1 {
			b.WriteString("mười")
		} else {
			b.WriteString(digitWords[tens] + " mươi")
		}
		switch {
		case units == 0:
		case units == 1 && tens > 1:
			b.WriteString(" mốt")
		case units == 4 && tens > 1:
			b.WriteString(" tư")
		case units == 5:
			b.WriteString(" lăm")
		default:
			b.WriteString(" " + digitWords[units])
		}
		return b.String()
	}
	if n < 1000 {
		h, rest := n/100, n%100
		s := digitWords[h] + " trăm"
		switch {
		case rest == 0:
			return s
		case rest < 10:
			return s + " linh " + digitWords[rest]
		}
		return s + " " + numberWords(rest)
	}
	th, rest := n/1000, n%1000
	s := digitWords[th] + " nghìn"
	switch {
	case rest == 0:
		return s
	case rest < 100:
		return s + " không trăm " + strings.TrimPrefix(numberWords(rest+100), "một trăm ")
	}
	return s + " " + numberWords(rest)
}

// addDays is t plus n days.
func addDays(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }

// randomDate draws a day uniformly in [from, to].
func randomDate(r *rand.Rand, from, to time.Time) time.Time {
	days := int(to.Sub(from).Hours() / 24)
	if days <= 0 {
		return from
	}
	return addDays(from, r.IntN(days+1))
}

// DateInWords spells a date as a birth certificate does ("Ngày mồng tám tháng sáu năm một nghìn
// chín trăm chín mươi sáu").
func DateInWords(t time.Time) string { return dateInWords(t) }
