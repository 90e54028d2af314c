package ocr

import (
	"strings"

	"github.com/sohoa/sohoa/validate/spelling"
)

// tolerance is how many edits a folded label of n letters may suffer and still match.
func tolerance(n int) int {
	switch {
	case n <= 3:
		return 0
	case n <= 7:
		return 1
	case n <= 13:
		return 2
	}
	return 3
}

// labelMatch is a label found in a line: words [start, end) of the line spell it.
type labelMatch struct {
	field      int // index into the template's fields; -1 for a stop word
	start, end int
	dist       int
}

// candidate is a label text to look for.
type candidate struct {
	field  int
	folded string
	words  int  // number of words in the printed label
	short  bool // too short to trust anywhere but at the start of a line
}

// candidates lists the labels of t (or its column headers) and its stop words, folded.
func candidates(t Template) []candidate {
	var out []candidate
	add := func(field int, label string) {
		f := fold(label)
		if f == "" {
			return
		}
		out = append(out, candidate{field: field, folded: f, words: len(strings.Fields(label)), short: len([]rune(f)) <= 3})
	}
	for i, f := range t.Fields {
		for _, l := range f.Labels() {
			add(i, l)
		}
	}
	for _, s := range t.Stop {
		add(-1, s)
		out[len(out)-1].short = true // a footer word counts only at the start of a line
	}
	return out
}

// findLabels finds the labels in a line of words, left to right, never overlapping. A label
// cannot run across a colon (the colon ends a printed label), and short labels ("Số") count
// only at the start of the line.
func findLabels(words []Word, cands []candidate) []labelMatch {
	folded := make([]string, len(words))
	for i, w := range words {
		folded[i] = fold(w.Text)
	}
	var out []labelMatch
	for i := 0; i < len(words); {
		m, score := bestLabelAt(words, folded, cands, i)
		if m.field == -2 {
			i++
			continue
		}
		// A value word glued in front of a damaged label ("Nam Ngày, tháng, …") must not take
		// the label's place: the match one word later wins when it is as good.
		if m.dist > 0 && i+1 < len(words) {
			if m2, s2 := bestLabelAt(words, folded, cands, i+1); m2.field != -2 && s2 >= score {
				i++
				continue
			}
		}
		out = append(out, m)
		i = m.end
	}
	return out
}

// bestLabelAt is the best label starting at word i (field -2 when none) and its score: each
// letter matched counts, each edit costs two, so "Họ và tên:" is not a damaged "Họ và tên mẹ:"
// but "Họ và tên cba:" is a damaged "Họ và tên cha:". Matches with two edits or more must end
// with the label's colon.
func bestLabelAt(words []Word, folded []string, cands []candidate, i int) (labelMatch, int) {
	best := labelMatch{field: -2}
	bestScore := -1 << 30
	for _, c := range cands {
		if c.short && i != 0 {
			continue
		}
		for k := max(1, c.words-1); k <= c.words+1 && i+k <= len(words); k++ {
			if colonInside(words[i : i+k]) {
				break
			}
			colon := strings.HasSuffix(words[i+k-1].Text, ":")
			n := len([]rune(c.folded))
			d := spelling.Distance(strings.Join(folded[i:i+k], ""), c.folded)
			if d > tolerance(n) || (d >= 2 && !colon) {
				continue
			}
			if c.short && c.field >= 0 && !colon && (i+k >= len(words) || !isNumber(words[i+k].Text)) {
				continue // "SỔ" of the title is not the entry label "Số:"
			}
			score := n - 2*d
			if colon {
				score++
			}
			if score > bestScore || (score == bestScore && d < best.dist) {
				best = labelMatch{field: c.field, start: i, end: i + k, dist: d}
				bestScore = score
			}
		}
	}
	return best, bestScore
}

// colonInside reports whether a word other than the last ends with a colon.
func colonInside(ws []Word) bool {
	for _, w := range ws[:len(ws)-1] {
		if strings.HasSuffix(w.Text, ":") {
			return true
		}
	}
	return false
}
