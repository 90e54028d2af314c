package crosscheck

import (
	_ "embed"
	"fmt"
	"image"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/sohoa/sohoa/domain"
)

// Cross-checks that catch what a single field's check cannot: a misread digit that still makes a
// valid date, a tone mark read as its neighbour, words of the line above taken into a value, an
// entry number out of the page's run. Each one flags the field (and offers the likely value) so
// that a wrong value is not shown as certain.

// Issue codes of the cross-checks.
const (
	CodeOutsideBook  = "registration_outside_book"
	CodeDigitReading = "digit_competing_reading"
	CodeNameTone     = "name_tone_competing"
	CodeStrayWords   = "value_words_off_line"
)

// BookYears are the first and last years a register covers (the ledger's), 0 when unknown.
type BookYears struct{ From, To int }

// digitTrust is the confidence from which a date's digits are not doubted: on seed 101 (forms,
// all kinds and severities) every date read at 0.93 or more was right, and the right dates a
// check under 0.97 flagged sat mostly at 0.95–0.96; the misreadings seen were at 0.87 and 0.92.
const digitTrust = 0.93

// confusable are the digits Tesseract mistakes for one another on degraded print.
var confusable = map[byte][]byte{'4': {'9'}, '9': {'4'}, '3': {'8'}, '8': {'3'}, '1': {'7'}, '7': {'1'}, '0': {'6'}, '6': {'0'}}

// Run runs the page-level cross-checks: the entry-number run, registration within the
// book's years, and digits with a competing reading.
func Run(p *Page, book BookYears, after int) {
	checkRun(p, after)
	for i := range p.Records {
		rec := &p.Records[i]
		checkBookYears(rec, book)
		checkDigits(p, i, book)
	}
}

// flag adds an issue to a field (and to its record) and offers suggestion first when not empty.
func flag(rec *Record, field string, is domain.Issue, suggestion string) {
	f, ok := rec.Fields[field]
	if !ok {
		return
	}
	is.Field = field
	for _, old := range f.Issues {
		if old.Code == is.Code {
			return
		}
	}
	f.Issues = append(f.Issues, is)
	if suggestion != "" && suggestion != f.Value && !slices.Contains(f.Suggestions, suggestion) {
		f.Suggestions = append([]string{suggestion}, f.Suggestions...)
	}
	f.NeedsReview = true
	rec.Fields[field] = f
	rec.Issues = append(rec.Issues, is)
	rec.NeedsReview = true
}

// checkRun fits the page's entry numbers to one run (number = first + position) held by most of
// the readable numbers, at least two, or starting after the previous page's last number (after,
// 0 when unknown). A number off the run is flagged with the run's number; a missing one is
// suggested from it ("215" when 216 and 217 follow).
func checkRun(p *Page, after int) {
	votes := map[int]int{}
	nums := make([]int, len(p.Records))
	readable := 0
	for i, rec := range p.Records {
		nums[i] = -1
		if n, err := strconv.Atoi(rec.Fields["entry_no"].Value); err == nil && n > 0 {
			nums[i] = n
			votes[n-i]++
			readable++
		}
	}
	first, best := 0, 0
	for k, v := range votes {
		if v > best || v == best && k < first {
			first, best = k, v
		}
	}
	switch {
	case after > 0 && best < 2:
		first = after + 1 // the book's order decides when the page's numbers cannot
	case best < 2 || 2*best <= readable:
		return // no run most numbers agree on
	}
	// A run that does not follow on from the page before is a lost page or a misread run:
	// every number is checked.
	jump := after > 0 && first != after+1
	for i := range p.Records {
		want := first + i
		if nums[i] == want && !jump {
			continue
		}
		if nums[i] == want {
			flag(&p.Records[i], "entry_no", domain.Issue{Code: CodeEntrySequence, Severity: domain.SeverityError,
				VI: fmt.Sprintf("Số %d không tiếp theo số cuối của trang trước (%d)", nums[i], after),
				EN: fmt.Sprintf("Number %d does not follow on from the page before (%d)", nums[i], after)}, "")
			continue
		}
		rec := &p.Records[i]
		if _, ok := rec.Fields["entry_no"]; !ok {
			rec.Fields["entry_no"] = Field{Name: "entry_no", Type: "entry_no", Issues: []domain.Issue{issueMissing()}, NeedsReview: true}
		}
		w := strconv.Itoa(want)
		is := domain.Issue{Code: CodeEntrySequence, Severity: domain.SeverityError,
			VI: fmt.Sprintf("Số thứ tự theo các mục cùng trang là %s", w),
			EN: fmt.Sprintf("The entries on the page put this number at %s", w)}
		if nums[i] >= 0 {
			is.VI = fmt.Sprintf("Số %d không theo thứ tự các mục cùng trang (có phải %s?)", nums[i], w)
			is.EN = fmt.Sprintf("Number %d is out of the page's run (is it %s?)", nums[i], w)
		}
		flag(rec, "entry_no", is, w)
		if f := rec.Fields["entry_no"]; len(f.Suggestions) > 0 && f.Suggestions[0] != w {
			// Sequence offered another number; the whole run's is the better guess
			f.Suggestions = append([]string{w}, slices.DeleteFunc(f.Suggestions, func(s string) bool { return s == w })...)
			rec.Fields["entry_no"] = f
		}
	}
}

// checkBookYears flags a registration date outside the years the book covers.
func checkBookYears(rec *Record, book BookYears) {
	if book.From == 0 {
		return
	}
	f, ok := rec.Fields["registration_date"]
	if !ok || len(f.Value) < 4 {
		return
	}
	y, err := strconv.Atoi(f.Value[:4])
	if err != nil || y >= book.From && y <= max(book.To, book.From) {
		return
	}
	years := strconv.Itoa(book.From)
	if book.To > book.From {
		years += "–" + strconv.Itoa(book.To)
	}
	flag(rec, "registration_date", domain.Issue{Code: CodeOutsideBook, Severity: domain.SeverityError,
		VI: fmt.Sprintf("Năm đăng ký %d ngoài các năm của sổ (%s)", y, years),
		EN: fmt.Sprintf("Registered in %d, outside the book's years (%s)", y, years)}, "")
}

// dateAlternatives are the valid dates that one confusable digit of iso (YYYY-MM-DD) gives; the
// century is never changed.
func dateAlternatives(iso string) []time.Time {
	if len(iso) != 10 {
		return nil
	}
	var out []time.Time
	for _, i := range []int{2, 3, 5, 6, 8, 9} {
		for _, d := range confusable[iso[i]] {
			alt := iso[:i] + string(d) + iso[i+1:]
			if t, err := time.Parse(time.DateOnly, alt); err == nil {
				out = append(out, t)
			}
		}
	}
	return out
}

func parseISO(s string) (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}

// plausible reports whether date d could be the value of field in rec: registrations within
// the book's years and in page order, births and deaths before their registration (a birth
// within a year of it, a death within half a year).
func plausible(p *Page, i int, field string, d time.Time, book BookYears) bool {
	rec := p.Records[i]
	reg, hasReg := parseISO(rec.Fields["registration_date"].Value)
	switch field {
	case "registration_date":
		if book.From > 0 && (d.Year() < book.From || d.Year() > max(book.To, book.From)) {
			return false
		}
		if i > 0 {
			if prev, ok := parseISO(p.Records[i-1].Fields["registration_date"].Value); ok && d.Before(prev) {
				return false
			}
		}
		if i+1 < len(p.Records) {
			if next, ok := parseISO(p.Records[i+1].Fields["registration_date"].Value); ok && d.After(next) {
				return false
			}
		}
		return true
	case "birth_date":
		if !hasReg || d.After(reg) {
			return !hasReg
		}
		if p.Kind == domain.KindBirth {
			return !d.Before(reg.AddDate(-1, 0, 0))
		}
		return true
	case "death_date":
		return !hasReg || !d.After(reg) && !d.Before(reg.AddDate(0, -6, 0))
	}
	return !hasReg || d.Before(reg)
}

// checkDigits flags a date read with less than digitTrust confidence when a confusable digit
// gives another date as plausible as the reading; the alternative is offered when it alone is
// plausible.
func checkDigits(p *Page, i int, book BookYears) {
	rec := &p.Records[i]
	names := make([]string, 0, len(rec.Fields))
	for name, f := range rec.Fields {
		if f.Type == "date" {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		f := rec.Fields[name]
		if f.NeedsReview || f.Confidence >= digitTrust {
			continue
		}
		var alts []string
		for _, d := range dateAlternatives(f.Value) {
			if plausible(p, i, name, d, book) {
				alts = append(alts, d.Format(time.DateOnly))
			}
		}
		if len(alts) == 0 {
			continue
		}
		read, _ := parseISO(f.Value)
		suggestion := ""
		if !plausible(p, i, name, read, book) && len(alts) == 1 {
			suggestion = alts[0]
		}
		flag(rec, name, domain.Issue{Code: CodeDigitReading, Severity: domain.SeverityError,
			VI: fmt.Sprintf("Chữ số dễ đọc nhầm: có thể là %s", domain.DisplayDate(alts[0])),
			EN: fmt.Sprintf("A digit may be misread: it could be %s", domain.DisplayDate(alts[0]))}, suggestion)
	}
}

//go:embed data/name-tones.tsv
var nameTonesTSV string

// nameTones maps a name syllable without its tone mark to the syllables of the name list that
// have it, with their counts.
var nameTones = func() map[string]map[string]int {
	out := map[string]map[string]int{}
	for _, l := range strings.Split(nameTonesTSV, "\n") {
		s, c, ok := strings.Cut(l, "\t")
		if !ok || strings.HasPrefix(l, "#") {
			continue
		}
		n, _ := strconv.Atoi(c)
		b, _ := toneOf(s)
		if out[b] == nil {
			out[b] = map[string]int{}
		}
		out[b][s] = n
	}
	return out
}()

// The tone marks, as combining characters.
const (
	toneGrave = '\u0300' // huyền
	toneAcute = '\u0301' // sắc
	toneTilde = '\u0303' // ngã
	toneHook  = '\u0309' // hỏi
	toneDot   = '\u0323' // nặng
)

// confusableTones are the tone marks read as one another on small or faded print (hỏi/ngã,
// hỏi/sắc: Tuyển/Tuyến, ngã/nặng: Mỵ/Mỹ, ngã/sắc).
var confusableTones = map[rune][]rune{
	toneHook: {toneTilde, toneAcute}, toneTilde: {toneHook, toneDot, toneAcute},
	toneAcute: {toneHook, toneTilde}, toneDot: {toneTilde},
}

// toneOf splits a lowercase syllable into its letters without the tone mark (NFC) and the mark
// (0 for none).
func toneOf(s string) (string, rune) {
	var b strings.Builder
	var tone rune
	for _, r := range norm.NFD.String(s) {
		switch r {
		case toneGrave, toneAcute, toneTilde, toneHook, toneDot:
			tone = r
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String()), tone
}

// toneStrength is how many times more common in names a syllable must be than its competing
// reading for the reading not to be doubted.
const toneStrength = 5

// toneAlternative returns the competing reading of a name word and whether the word is in doubt:
// another tone mark of it is in the name list and the list does not favour the word as read by
// toneStrength to one. The alternative is returned when the list favours it.
func toneAlternative(word string) (alt string, doubt bool) {
	low := strings.ToLower(word)
	base, tone := toneOf(low)
	group := nameTones[base]
	if len(group) == 0 {
		return "", false
	}
	own := group[low]
	bestN := 0
	for s, n := range group {
		_, t := toneOf(s)
		if s == low || !slices.Contains(confusableTones[tone], t) {
			continue
		}
		if n > bestN || n == bestN && s < alt {
			alt, bestN = s, n
		}
	}
	if bestN == 0 || own >= toneStrength*bestN {
		return "", false
	}
	if bestN <= own {
		alt = ""
	}
	return matchCase(alt, word), true
}

// matchCase writes s with the capitalisation of like (first letter, or all letters).
func matchCase(s, like string) string {
	if s == "" {
		return ""
	}
	if strings.ToUpper(like) == like {
		return strings.ToUpper(s)
	}
	rs := []rune(s)
	if lr := []rune(like); len(lr) > 0 && strings.ToUpper(string(lr[0])) == string(lr[0]) {
		rs[0] = []rune(strings.ToUpper(string(rs[0])))[0]
	}
	return string(rs)
}

// nameTrust is the confidence from which a name's tone marks are not doubted (tone misreadings
// were seen at about 0.9).
const nameTrust = 0.93

// Tones flags a name read with less than nameTrust confidence when one of its words has a
// competing tone mark the name list does not rule out; the list's favourite is offered.
func Tones(f Field) Field {
	if f.Type != "name" || f.Value == "" || f.NeedsReview || f.Confidence >= nameTrust {
		return f
	}
	words := strings.Fields(f.Value)
	for i, w := range words {
		alt, doubt := toneAlternative(w)
		if !doubt {
			continue
		}
		is := domain.Issue{Field: f.Name, Code: CodeNameTone, Severity: domain.SeverityError,
			VI: fmt.Sprintf("Dấu thanh của \"%s\" dễ đọc nhầm", w), EN: fmt.Sprintf("The tone mark of %q is easily misread", w)}
		f.Issues = append(f.Issues, is)
		if alt != "" {
			fixed := slices.Clone(words)
			fixed[i] = alt
			f.Suggestions = append([]string{strings.Join(fixed, " ")}, f.Suggestions...)
		}
		f.NeedsReview = true
		return f
	}
	return f
}

// strayWords reports whether some words of a value sit off its line: words of the line above or below taken into it when the boxes
// overlap. Each line of a wrapped value (a new line starts where the words go back left) is
// judged on its own.
func strayWords(ws []Word) bool {
	var lines [][]Word
	for i, w := range ws {
		if i == 0 || w.Box.Min.X < ws[i-1].Box.Min.X {
			lines = append(lines, nil)
		}
		lines[len(lines)-1] = append(lines[len(lines)-1], w)
	}
	for _, l := range lines {
		if len(l) < 3 {
			continue
		}
		for i, w := range l {
			// Words taken from the line above or below come first or last; punctuation and
			// single letters sit where they sit ("Sốp - Cộp", "Tai , biến").
			if len([]rune(fold(w.Text))) < 2 || i >= 2 && i < len(l)-2 {
				continue
			}
			var tops, bottoms []int
			for j, o := range l {
				if j != i {
					tops, bottoms = append(tops, o.Box.Min.Y), append(bottoms, o.Box.Max.Y)
				}
			}
			slices.Sort(tops)
			slices.Sort(bottoms)
			band := image.Rect(w.Box.Min.X, tops[len(tops)/2], w.Box.Max.X, bottoms[len(bottoms)/2])
			if overlapY(w.Box, band) < strayOverlap {
				return true
			}
		}
	}
	return false
}

// strayOverlap is how much of a word (or of its line's band, the median top to the median
// bottom of the other words, when shorter) must overlap the band: words of one line overlap it
// whole whatever their marks and descenders; a word of the line above grouped with it (Tesseract
// and groupLines join words overlapping by half) does not.
const strayOverlap = 0.6

// Stray flags a value some of whose words sit off its line.
func Stray(f Field, ws []Word) Field {
	if !strayWords(ws) {
		return f
	}
	f.Issues = append(f.Issues, domain.Issue{Field: f.Name, Code: CodeStrayWords, Severity: domain.SeverityError,
		VI: "Giá trị có thể lẫn chữ của dòng trên hoặc dòng dưới", EN: "The value may hold words of the line above or below"})
	f.NeedsReview = true
	return f
}
