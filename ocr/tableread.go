package ocr

import (
	"context"
	"image"

	"github.com/otiai10/gosseract/v2"
)

// columnPSM is how one column of a ruled table is segmented: one block of text (the automatic
// column mode skipped whole runs of cells on some pages).
const columnPSM = gosseract.PSM_SINGLE_BLOCK

// readTable reads a ruled table page column by column, with the ruling lines erased, plus the
// text above the table (title, year, book number). Read as a whole page, words that touch a
// rule come back glued to the rule ("lấp" for "ấp", "224|Phạm") or to the next cell's words,
// and cells are split or joined across columns; a column on its own cannot be.
func (c *tessClient) readTable(ctx context.Context, g *image.Gray, tg tableGeometry) ([]Word, error) {
	var words []Word
	if above := image.Rect(g.Rect.Min.X, g.Rect.Min.Y, g.Rect.Max.X, tg.top); above.Dy() > 20 {
		ws, err := c.recognize(ctx, g.SubImage(above).(*image.Gray), readSettings{psm: pagePSM})
		if err != nil {
			return nil, err
		}
		words = append(words, ws...)
	}
	for i := 0; i+1 < len(tg.cols); i++ {
		r := image.Rect(tg.cols[i]-ruleDrift, tg.top-ruleDrift, tg.cols[i+1]+ruleDrift, tg.bot+ruleDrift).Intersect(g.Rect)
		if r.Dx() < 8 || r.Dy() < 8 {
			continue
		}
		ws, err := c.recognize(ctx, withoutRules(g, r), readSettings{psm: columnPSM})
		if err != nil {
			return nil, err
		}
		ws, err = c.readEmptyCells(ctx, g, tg, i, ws)
		if err != nil {
			return nil, err
		}
		for _, w := range ws {
			// The column's rules are erased, but a word is kept only if its middle is inside.
			if cx := (w.Box.Min.X + w.Box.Max.X) / 2; cx >= tg.cols[i] && cx < tg.cols[i+1] {
				words = append(words, w)
			}
		}
	}
	return words, nil
}

// readEmptyCells reads on its own each cell of column i, between two horizontal rules, where
// the column's reading found no word: Tesseract's block layout sometimes drops a run of cells
// as if they were a picture. A cell that is really blank costs one quick call.
func (c *tessClient) readEmptyCells(ctx context.Context, g *image.Gray, tg tableGeometry, i int, ws []Word) ([]Word, error) {
	for k := 0; k+1 < len(tg.rows); k++ {
		top, bot := tg.rows[k], tg.rows[k+1]
		if top < tg.top+ruleSeg/4 || bot-top < 24 {
			continue // the header row (read with the column), or a double rule
		}
		empty := true
		for _, w := range ws {
			if cy := (w.Box.Min.Y + w.Box.Max.Y) / 2; cy > top && cy < bot {
				empty = false
				break
			}
		}
		if !empty {
			continue
		}
		cell := image.Rect(tg.cols[i]-ruleDrift, top-ruleDrift, tg.cols[i+1]+ruleDrift, bot+ruleDrift).Intersect(g.Rect)
		if !hasInk(g, cell.Inset(2*ruleDrift)) {
			continue
		}
		got, err := c.recognize(ctx, withoutRules(g, cell), readSettings{psm: columnPSM})
		if err != nil {
			return nil, err
		}
		ws = append(ws, got...)
	}
	return ws, nil
}

// hasInk reports whether r of g holds more than a speck of ink.
func hasInk(g *image.Gray, r image.Rectangle) bool {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for _, v := range g.Pix[g.PixOffset(r.Min.X, y):g.PixOffset(r.Max.X, y)] {
			if v < ruleInk {
				n++
			}
		}
	}
	return n > 40
}

// withoutRules copies the box r of g (keeping g's coordinates) with ruling lines erased: ink
// on a vertical run longer than minRule, or on a horizontal run longer than minRule or 60% of
// the box's width, turns white. Runs are measured across three rows (columns), so a rule that
// wanders by a pixel or two still counts as one. Letters are never that tall or that wide in a
// cell, and a letter touching a rule keeps all its pixels but those on the rule and next to it.
func withoutRules(g *image.Gray, r image.Rectangle) *image.Gray {
	w, h := r.Dx(), r.Dy()
	ink := make([]bool, w*h)
	for y := range h {
		row := g.Pix[g.PixOffset(r.Min.X, r.Min.Y+y):]
		for x := range w {
			ink[y*w+x] = row[x] < ruleInk
		}
	}
	erase := make([]bool, w*h)
	// runs erases the long runs along each of the given lines; on(j) is the ink at position j of
	// line i OR-ed with the neighbouring lines, at(i, j) the index of that pixel.
	runs := func(lines, along, minLen int, at func(i, j int) int) {
		for i := range lines {
			for j := 0; j < along; {
				on := func(j int) bool {
					for d := max(0, i-1); d <= min(lines-1, i+1); d++ {
						if ink[at(d, j)] {
							return true
						}
					}
					return false
				}
				if !on(j) {
					j++
					continue
				}
				e := j
				for e < along && on(e) {
					e++
				}
				if e-j >= minLen {
					for k := j; k < e; k++ {
						erase[at(i, k)] = true
					}
				}
				j = e
			}
		}
	}
	runs(h, w, min(minRule, w*6/10), func(y, x int) int { return y*w + x })
	runs(w, h, minRule, func(x, y int) int { return y*w + x })
	out := image.NewGray(r)
	for i := range out.Pix {
		out.Pix[i] = 255
		if ink[i] && !erase[i] {
			out.Pix[i] = g.Pix[g.PixOffset(r.Min.X+i%w, r.Min.Y+i/w)]
		}
	}
	return out
}

// minRule is the shortest run of ink, in pixels at 300 dpi, taken for a ruling line: about
// three times the height of a typed letter with its marks.
const minRule = 150
