package complete

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/sohoa/sohoa/synth"
)

// splits are the ways a run of n digits reads as day, month and year digits, likeliest first.
var splits = map[int][][3]int{
	4: {{1, 1, 2}},
	5: {{2, 1, 2}, {1, 2, 2}},
	6: {{2, 2, 2}, {1, 1, 4}},
	7: {{2, 1, 4}, {1, 2, 4}},
	8: {{2, 2, 4}},
}

// parseShortDates reads the dates short input may mean: "5387", "5 3 87", "5.3.1987",
// "05031987" → 5 March 1987. Two-digit years take the century that puts the date on or before
// the register's year (nobody is born, dies or registers after it); with no year, before today.
func parseShortDates(s string, year int) []time.Time {
	groups := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsDigit(r) })
	for _, r := range s {
		if unicode.IsLetter(r) {
			return nil
		}
	}
	limit := year
	if limit <= 0 {
		limit = time.Now().Year()
	}
	var out []time.Time
	add := func(d, m, y string) {
		if t, ok := makeDate(d, m, y, limit); ok {
			out = append(out, t)
		}
	}
	switch len(groups) {
	case 1:
		g := groups[0]
		for _, sp := range splits[len(g)] {
			add(g[:sp[0]], g[sp[0]:sp[0]+sp[1]], g[sp[0]+sp[1]:])
		}
	case 2:
		if year > 0 { // day and month of the register's year
			add(groups[0], groups[1], strconv.Itoa(year))
		}
	case 3:
		add(groups[0], groups[1], groups[2])
	}
	return out
}

// makeDate checks a day, month and year of 2 or 4 digits, on or before the year limit when the
// century is inferred.
func makeDate(ds, ms, ys string, limit int) (time.Time, bool) {
	d, err1 := strconv.Atoi(ds)
	m, err2 := strconv.Atoi(ms)
	y, err3 := strconv.Atoi(ys)
	if err1 != nil || err2 != nil || err3 != nil || len(ds) > 2 || len(ms) > 2 {
		return time.Time{}, false
	}
	switch len(ys) {
	case 2:
		y += limit / 100 * 100
		if y > limit {
			y -= 100
		}
	case 4:
	default:
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m || y < 1800 {
		return time.Time{}, false
	}
	return t, true
}

func completeDate(q Query) []Candidate {
	var out []Candidate
	for _, t := range parseShortDates(q.Prefix, q.Year) {
		out = append(out, Candidate{Value: t.Format("02/01/2006"), Source: "date"})
	}
	return out[:min(len(out), q.Limit)]
}

func completeDateInWords(q Query) []Candidate {
	var out []Candidate
	for _, t := range parseShortDates(q.Prefix, q.Year) {
		out = append(out, Candidate{Value: synth.DateInWords(t), Source: "date"})
	}
	return out[:min(len(out), q.Limit)]
}
