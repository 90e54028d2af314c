package validate

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/sohoa/sohoa/validate/spelling"
)

// The registers sohoa reads were kept before 2000; a date outside this range is suspect.
const (
	minYear = 1900
	maxYear = 2000
)

// dateToken is a number or a folded word of a written date.
type dateToken struct {
	word   string // folded; empty for a number
	num    int
	digits int // how many digits the number was written with
}

// dateTokens splits a date into numbers and folded words. Separators are spaces and / - . , : ;
// Inside a run that has a real digit, O and l/I/| are read as 0 and 1 ("O5" → 05, "l5" → 15).
func dateTokens(s string) (toks []dateToken, repaired bool) {
	raw := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("/-–—‒―‐\\.,:;()~_", r)
	})
	for _, t := range raw {
		if d, fixed := ocrDigits(t); strings.IndexFunc(d, func(c rune) bool { return c < '0' || c > '9' }) < 0 {
			repaired = repaired || fixed
			toks = append(toks, numberToken(d))
			continue
		}
		// Split letters from digits: "ngày05" → ngay, 05.
		for _, part := range splitLetterDigit(t) {
			if part[0] >= '0' && part[0] <= '9' {
				toks = append(toks, numberToken(part))
				continue
			}
			w := spelling.Fold(part)
			if r, ok := repairWord(w); ok {
				w, repaired = r, true
			}
			toks = append(toks, dateToken{word: w})
		}
	}
	return toks, repaired
}

func numberToken(d string) dateToken {
	n := 0
	for _, c := range d {
		n = n*10 + int(c-'0')
		if n > 1e8 {
			break
		}
	}
	return dateToken{num: n, digits: len(d)}
}

func splitLetterDigit(t string) []string {
	var out []string
	start := 0
	rs := []rune(t)
	for i := 1; i <= len(rs); i++ {
		if i == len(rs) || unicode.IsDigit(rs[i]) != unicode.IsDigit(rs[i-1]) {
			out = append(out, string(rs[start:i]))
			start = i
		}
	}
	return out
}

// date is a parsed date; Month or Day is 0 when the register gives only the year (or month).
type date struct {
	Year, Month, Day int
	twoDigit         int // the two-digit year as written, or -1
}

// iso formats d as ISO 8601: YYYY-MM-DD, or YYYY-MM or YYYY when partial.
func (d date) iso() string {
	switch {
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// checkDate parses a date in any written form and checks it against the calendar and the range
// of the registers. Dates in digits and in words go through the same parser, since clerks mix
// them ("ngày 5 tháng giêng năm 1987").
func checkDate(r *Result) {
	toks, repaired := dateTokens(r.Written)
	if strings.ContainsAny(r.Written, "~_") {
		repaired = true // a dash read as a tilde or underscore
	}
	toks, split := joinSplitYear(toks)
	repaired = repaired || split
	toks, extra := dropTrailingWords(toks)
	if extra != "" {
		r.add(issueDateExtra(extra), 0.8)
	}
	d, ok := parseDate(toks)
	if !ok {
		r.add(issueDateUnreadable(r.Written), 0.3)
		return
	}
	if repaired {
		r.penalize(penaltyRepaired)
	}
	if d.twoDigit >= 0 {
		r.add(issueTwoDigitYear(d.twoDigit, d.Year), 0.95)
	}
	if d.Month < 0 || d.Month > 12 || d.Day < 0 || (d.Day > 0 && d.Day > daysIn(d.Month, d.Year)) ||
		(d.Day > 0 && d.Month == 0) {
		r.add(issueDateInvalid(d.Day, d.Month, d.Year), 0.3)
		return
	}
	r.Value = d.iso()
	if d.Day == 0 {
		r.add(issueDatePartial())
	}
	if d.Year < minYear || d.Year > maxYear {
		r.add(issueDateRange(d.Year), 0.7)
	}
}

// joinSplitYear joins a year OCR cut in two after a day and a month ("27 9 1 974" → 27 9 1974).
func joinSplitYear(toks []dateToken) ([]dateToken, bool) {
	if len(toks) != 4 {
		return toks, false
	}
	for _, t := range toks {
		if t.word != "" {
			return toks, false
		}
	}
	a, b := toks[2], toks[3]
	if a.digits+b.digits != 4 || toks[0].digits > 2 || toks[1].digits > 2 {
		return toks, false
	}
	n := a.num
	for range b.digits {
		n *= 10
	}
	return []dateToken{toks[0], toks[1], {num: n + b.num, digits: 4}}, true
}

// dropTrailingWords drops words read after a complete date in figures (the next column's first
// word, a speck read as letters: "26/11/1976 Lj") and returns them, joined, as the extra text.
func dropTrailingWords(toks []dateToken) ([]dateToken, string) {
	if len(toks) < 4 {
		return toks, ""
	}
	for _, t := range toks[:3] {
		if t.word != "" {
			return toks, ""
		}
	}
	if toks[2].digits != 4 && toks[0].digits != 4 {
		return toks, ""
	}
	var extra []string
	for _, t := range toks[3:] {
		if t.word == "" {
			return toks, ""
		}
		extra = append(extra, t.word)
	}
	return toks[:3], strings.Join(extra, " ")
}

func daysIn(month, year int) int {
	if month < 1 || month > 12 {
		return 0
	}
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// parseDate reads tokens as a date: with the keywords ngày/tháng/năm when present (the value after
// each keyword in digits or words), otherwise by position: D M Y (Vietnamese order), Y M D when
// the first number has four digits, M Y, a lone year, or DDMMYYYY run together.
func parseDate(toks []dateToken) (date, bool) {
	for i, t := range toks {
		if t.word == "thang" {
			return parseKeyed(toks[:i], toks[i+1:])
		}
	}
	var nums []dateToken
	for i, t := range toks {
		switch {
		case t.word == "":
			nums = append(nums, t)
		case t.word == "nam" && i == len(toks)-2: // "năm 1950"
		case t.word == "ngay" || t.word == "mong" || t.word == "mung":
		default:
			return date{}, false
		}
	}
	d := date{twoDigit: -1}
	switch len(nums) {
	case 3:
		if nums[0].digits == 4 {
			d.Year, d.Month, d.Day = nums[0].num, nums[1].num, nums[2].num
			return d, nums[1].digits <= 2 && nums[2].digits <= 2
		}
		if nums[0].digits > 2 || nums[1].digits > 2 {
			return d, false
		}
		d.Day, d.Month = nums[0].num, nums[1].num
		return d.withYear(nums[2])
	case 2:
		if nums[0].digits > 2 {
			return d, false
		}
		d.Month = nums[0].num
		return d.withYear(nums[1])
	case 1:
		n := nums[0]
		switch n.digits {
		case 4:
			d.Year = n.num
			return d, true
		case 8: // 05031987
			d.Day, d.Month, d.Year = n.num/1e6, n.num/1e4%100, n.num%1e4
			return d, true
		case 6: // 050387
			d.Day, d.Month = n.num/1e4, n.num/100%100
			return d.withYear(dateToken{num: n.num % 100, digits: 2})
		}
	}
	return d, false
}

// withYear sets the year from a token; a two-digit year is 19xx, since the registers predate 2000.
func (d date) withYear(t dateToken) (date, bool) {
	switch t.digits {
	case 4:
		d.Year = t.num
	case 2:
		d.Year, d.twoDigit = 1900+t.num, t.num
	default:
		return d, false
	}
	return d, true
}

// parseKeyed reads "[ngày] D tháng M năm Y" where D, M and Y are digits or words. Since "năm" is
// both the year keyword and the word for five, every "năm" after the month is tried as the
// keyword, and the first split that gives a month and a year wins ("tháng năm năm …" is May).
func parseKeyed(before, after []dateToken) (date, bool) {
	d := date{twoDigit: -1}
	// The day is what follows the last "ngày" (or everything), without "mồng"/"mùng".
	start := 0
	for i, t := range before {
		if t.word == "ngay" {
			start = i + 1
		}
	}
	var dayToks []dateToken
	for _, t := range before[start:] {
		if t.word != "mong" && t.word != "mung" {
			dayToks = append(dayToks, t)
		}
	}
	if len(dayToks) > 0 {
		n, ok := tokenNumber(dayToks, numberWords)
		if !ok {
			return d, false
		}
		d.Day = n
	}
	for i := 1; i < len(after); i++ {
		if after[i].word != "nam" {
			continue
		}
		m, ok := tokenNumber(after[:i], monthWord)
		if !ok || m < 1 || m > 12 {
			continue
		}
		if y, ok := yearTokens(d, after[i+1:]); ok {
			y.Month = m
			return y, true
		}
	}
	// "5 tháng 3, 1987": no year keyword, the month and the year in digits.
	if len(after) == 2 && after[0].word == "" && after[0].digits <= 2 {
		d.Month = after[0].num
		return d.withYear(after[1])
	}
	return d, false
}

// yearTokens reads the year after the keyword, in digits or in words; a year in words below 100
// ("năm chín sáu") is 19xx like a two-digit year in digits.
func yearTokens(d date, toks []dateToken) (date, bool) {
	if len(toks) == 1 && toks[0].word == "" {
		return d.withYear(toks[0])
	}
	n, ok := tokenNumber(toks, numberWords)
	if !ok {
		return d, false
	}
	if n < 100 {
		d.Year, d.twoDigit = 1900+n, n
		return d, true
	}
	d.Year = n
	return d, n >= 1000
}

// tokenNumber reads one number token, or words through the given reader.
func tokenNumber(toks []dateToken, read func([]string) (int, bool)) (int, bool) {
	if len(toks) == 1 && toks[0].word == "" {
		return toks[0].num, toks[0].digits <= 2
	}
	ws := make([]string, len(toks))
	for i, t := range toks {
		if t.word == "" {
			return 0, false
		}
		ws[i] = t.word
	}
	return read(ws)
}
