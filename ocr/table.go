package ocr

import (
	"fmt"
	"image"
	"slices"
	"strings"
	"unicode"

	"github.com/sohoa/sohoa/validate/spelling"
)

// tableGeometry is the ruled grid of a table page.
type tableGeometry struct {
	cols      []int // x of the vertical rules, left to right
	top, bot  int   // extent of the table
	headerBot int   // y where the header ends (0 when not found)
	rows      []int // y of the horizontal rules below the header
}

// findTable finds the table's vertical rules (at least minCols+1 of them) and horizontal rules.
func findTable(g *image.Gray, minCols int) (tableGeometry, bool) {
	minSegs := max(3, g.Rect.Dy()/ruleSeg/5)
	vs := findRules(g, true, minSegs)
	var cols []int
	var tops, bots []int
	for _, v := range vs {
		if len(cols) > 0 && v.pos-cols[len(cols)-1] < 30 {
			continue
		}
		x := v.pos + g.Rect.Min.X
		cols = append(cols, x)
		// findRules knows the extent only to a strip; follow the rule to its ends.
		tops = append(tops, traceRule(g, x, v.from+ruleSeg/2+g.Rect.Min.Y, -1))
		bots = append(bots, traceRule(g, x, v.to-ruleSeg/2+g.Rect.Min.Y, 1))
	}
	if len(cols) < minCols+1 {
		return tableGeometry{}, false
	}
	tg := tableGeometry{top: median(tops), bot: median(bots)}
	tg.cols = cols
	tab := g.SubImage(image.Rect(cols[0], g.Rect.Min.Y, cols[len(cols)-1], g.Rect.Max.Y)).(*image.Gray)
	hs := findRules(tab, false, max(2, tab.Rect.Dx()/ruleSeg*7/10))
	for _, h := range hs {
		y := h.pos + g.Rect.Min.Y
		if y < tg.top-ruleSeg || y > tg.bot+ruleSeg || h.from > ruleSeg || h.to < tab.Rect.Dx()-ruleSeg {
			continue // outside the table, or a group header's rule that spans only some columns
		}
		tg.rows = append(tg.rows, y)
	}
	return tg, true
}

// traceRule follows the vertical rule near x from row y in direction dy (-1 up, 1 down) and
// returns the last row with ink on it; gaps of a few rows (faded ink) are crossed.
func traceRule(g *image.Gray, x, y, dy int) int {
	ink := func(x, y int) bool { return g.Pix[g.PixOffset(x, y)] < ruleInk }
	find := func(x, y, r int) (int, bool) {
		for d := range r + 1 {
			for _, c := range []int{x - d, x + d} {
				if c >= g.Rect.Min.X && c < g.Rect.Max.X && ink(c, y) {
					return c, true
				}
			}
		}
		return x, false
	}
	y = max(g.Rect.Min.Y, min(g.Rect.Max.Y-1, y))
	x, _ = find(x, y, ruleDrift)
	last, gap := y, 0
	for ; y >= g.Rect.Min.Y && y < g.Rect.Max.Y && gap <= 8; y += dy {
		if nx, ok := find(x, y, 2); ok {
			x, last, gap = nx, y, 0
		} else {
			gap++
		}
	}
	return last
}

// median is the middle of xs (which it sorts).
func median(xs []int) int {
	slices.Sort(xs)
	return xs[len(xs)/2]
}

// minTableCols is the fewest columns a ruled grid needs to be read as a table page.
const minTableCols = 4

// extractTable reads a ruled table: each column is a field (by position when the number of
// columns matches the template, else by header text), and each row between horizontal rules,
// or starting at a line with an entry number, is an entry.
// It also returns how many column headers read as the template's labels.
func extractTable(tg tableGeometry, words []Word, t Template) ([]*entry, int, error) {
	if len(tg.cols) < len(t.Fields)/2+1 {
		return nil, 0, fmt.Errorf("ocr: no ruled table of %d columns found for template %s", len(t.Fields)/2, t.Name)
	}
	words = splitColons(words)
	mh := medianHeight(words)
	var in []Word
	for _, w := range words {
		cy := (w.Box.Min.Y + w.Box.Max.Y) / 2
		if cy > tg.top && cy < tg.bot && tg.colOf(w) >= 0 && w.Box.Dy() < 3*mh {
			in = append(in, w)
		}
	}
	headerBot, bounds, ok := tableRows(tg, in, mh)
	if !ok {
		return nil, 0, fmt.Errorf("ocr: table %s has no rows", t.Name)
	}
	fieldOf := mapColumns(tg, in, headerBot, t)
	matched := 0
	for _, f := range mapHeaders(tg, in, headerBot, t) {
		if f >= 0 {
			matched++
		}
	}
	out := make([]*entry, 0, len(bounds))
	for i := range bounds {
		lo, hi := bounds[i], tg.bot
		if i+1 < len(bounds) {
			hi = bounds[i+1]
		}
		out = append(out, tableEntry(tg, in, fieldOf, lo, hi))
	}
	return out, matched, nil
}

// colOf is the column a word's centre falls in, or -1.
func (tg tableGeometry) colOf(w Word) int {
	cx := (w.Box.Min.X + w.Box.Max.X) / 2
	for i := 0; i+1 < len(tg.cols); i++ {
		if cx >= tg.cols[i] && cx < tg.cols[i+1] {
			return i
		}
	}
	return -1
}

// tableRows finds where the header ends — at the first full-width rule below the top one, else
// above the first entry number — and the tops of the entries' rows below it; false when there
// is neither.
func tableRows(tg tableGeometry, in []Word, mh int) (headerBot int, bounds []int, ok bool) {
	var starts []int
	for _, w := range in {
		if tg.colOf(w) == 0 && (isNumber(w.Text) || looksLikeNumber(w.Text)) && w.Box.Min.Y > tg.top+mh {
			starts = append(starts, w.Box.Min.Y-mh/2)
		}
	}
	for _, y := range tg.rows {
		if y > tg.top+mh {
			headerBot = y
			break
		}
	}
	if headerBot == 0 {
		if len(starts) == 0 {
			return 0, nil, false
		}
		headerBot = slices.Min(starts)
	}
	starts = slices.DeleteFunc(starts, func(y int) bool { return y < headerBot })
	bounds = append([]int{headerBot}, starts...)
	for _, y := range tg.rows {
		if y > headerBot {
			bounds = append(bounds, y)
		}
	}
	slices.Sort(bounds)
	return headerBot, dedupe(bounds, mh), true
}

// tableEntry is the entry of the row between lo and hi: the words of each mapped column, and
// each field's cell as its region.
func tableEntry(tg tableGeometry, in []Word, fieldOf []int, lo, hi int) *entry {
	var e *entry
	for _, w := range in {
		cy := (w.Box.Min.Y + w.Box.Max.Y) / 2
		if cy < lo || cy >= hi {
			continue
		}
		f := fieldOf[tg.colOf(w)]
		if f < 0 {
			continue
		}
		if e == nil {
			e = newEntry()
		}
		e.add(f, []Word{w})
	}
	if e == nil {
		// No word read in the whole row: a row of handwriting Tesseract could not
		// segment, or an empty row; Extract keeps it only if its cells hold ink.
		e = newEntry()
		e.blind = true
	}
	for f, ws := range e.fields {
		e.fields[f] = readingOrder(ws)
	}
	for c, f := range fieldOf {
		if f >= 0 && c+1 < len(tg.cols) {
			e.setRegion(f, image.Rect(tg.cols[c]+2*ruleDrift, lo+2*ruleDrift, tg.cols[c+1]-2*ruleDrift, hi-2*ruleDrift))
		}
	}
	return e
}

// mapColumns gives each column its template field (-1 for none): by position when the counts
// agree, else by the closest header text.
func mapColumns(tg tableGeometry, words []Word, headerBot int, t Template) []int {
	n := len(tg.cols) - 1
	if n == len(t.Fields) {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	return mapHeaders(tg, words, headerBot, t)
}

// mapHeaders gives each column the template field whose label its header reads as, in order;
// -1 for none.
func mapHeaders(tg tableGeometry, words []Word, headerBot int, t Template) []int {
	n := len(tg.cols) - 1
	out := make([]int, n)
	heads := make([]string, n)
	for _, w := range words {
		if w.Box.Max.Y <= headerBot+4 {
			cx := (w.Box.Min.X + w.Box.Max.X) / 2
			for i := range n {
				if cx >= tg.cols[i] && cx < tg.cols[i+1] {
					heads[i] += fold(w.Text)
				}
			}
		}
	}
	next := 0
	for i, h := range heads {
		out[i] = -1
		if h == "" {
			continue // a strip between the table and a dark page edge, or an unreadable header
		}
		best, bestD := -1, 1<<30
		for f := next; f < len(t.Fields); f++ {
			l := fold(t.Fields[f].Label)
			d := spelling.Distance(h, l)
			if strings.HasSuffix(h, l) {
				d = 0 // a group header above the column is read with it
			}
			if d < bestD {
				best, bestD = f, d
			}
		}
		if best >= 0 && bestD <= max(2, len(fold(t.Fields[best].Label))/3) {
			out[i], next = best, best+1
		}
	}
	fillBetween(out, heads, len(t.Fields))
	return out
}

// fillBetween gives the unmapped columns whose header holds text the template's fields left
// between their mapped neighbours, in order, when there are exactly as many of each: the
// printed headers are in the template's order, so a header read too badly to match ("Họ và
// tên" glued to a rule) is still the one field between the columns either side.
func fillBetween(out []int, heads []string, n int) {
	for i := 0; i < len(out); {
		if out[i] >= 0 || heads[i] == "" {
			i++
			continue
		}
		j := i
		for j < len(out) && out[j] < 0 && heads[j] != "" {
			j++
		}
		lo, hi := -1, n
		if i > 0 && out[i-1] >= 0 {
			lo = out[i-1]
		}
		if j < len(out) && out[j] >= 0 {
			hi = out[j]
		}
		if hi-lo-1 == j-i && (i > 0 || j < len(out)) {
			for k := i; k < j; k++ {
				out[k] = lo + 1 + k - i
			}
		}
		i = j
	}
}

// readingOrder sorts a cell's words by line, then left to right.
func readingOrder(ws []Word) []Word {
	var ls []Line
	for _, l := range groupLines(ws) {
		ls = append(ls, l)
	}
	var out []Word
	for _, l := range ls {
		out = append(out, l.Words...)
	}
	return out
}

// dedupe drops sorted values closer than gap to the previous kept one.
func dedupe(ys []int, gap int) []int {
	var out []int
	for _, y := range ys {
		if len(out) > 0 && y-out[len(out)-1] < gap {
			continue
		}
		out = append(out, y)
	}
	return out
}

// isNumber reports whether s is an entry number: digits, maybe with stray punctuation.
func isNumber(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			n++
		} else if !unicode.IsPunct(r) {
			return false
		}
	}
	return n > 0
}

// looksLikeNumber reports whether s, a word of the number column, may be a handwritten entry
// number misread as letters ("ó" for 6, "l2" for 12): one to four characters, each a digit or
// a letter Tesseract gives for one.
func looksLikeNumber(s string) bool {
	n := 0
	for _, r := range s {
		n++
		if !unicode.IsDigit(r) && !strings.ContainsRune("oOóòỏõọôơlIiSsBbgqzZ", r) {
			return false
		}
	}
	return n >= 1 && n <= 4
}
