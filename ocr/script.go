package ocr

import (
	"image"
	"math"
	"slices"
)

// inkFeatures describe how a value's ink is laid down, to tell handwriting from typing:
// a typewriter puts every glyph in a cell of the same width on one straight baseline with the
// same stroke; a pen does not.
type inkFeatures struct {
	glyphs   int     // glyphs found (ink columns of one letter with its diacritics)
	pitch    float64 // mean deviation of neighbouring glyph distances from their median, / median; -1 unmeasured
	baseline float64 // RMS distance of glyph bottoms from their straight line, / median glyph height
}

// Stroke-width variation and the spread of Tesseract's word confidences were measured too (same
// pages) and left out: both overlapped between typed and handwritten fields (typed heavy pages
// break strokes; Tesseract reads the print-like hands as confidently as type).

// glyphBox is one glyph: the union of the ink components in one column.
type glyphBox struct{ x0, x1, y0, y1 int }

// measureInk finds the glyphs of box on the binary page (ink 0) and measures them.
func measureInk(bin *image.Gray, box image.Rectangle) inkFeatures {
	box = box.Intersect(bin.Rect)
	f := inkFeatures{pitch: -1}
	if box.Dx() < 4 || box.Dy() < 4 {
		return f
	}
	gs := glyphsIn(bin, box, false)
	f.glyphs = len(gs)
	if len(gs) < 3 {
		return f
	}
	hs := make([]float64, len(gs))
	for i, g := range gs {
		hs[i] = float64(g.y1 - g.y0)
	}
	medH := medianF(hs)
	var main []glyphBox
	for _, g := range gs {
		if float64(g.y1-g.y0) >= 0.4*medH {
			main = append(main, g)
		}
	}
	if len(main) < 3 {
		return f
	}
	f.pitch = pitchDeviation(main, medH)
	f.baseline = baselineResidual(main, medH)
	return f
}

// glyphsIn labels the ink components of box and merges those sharing most of a column
// (a letter and its diacritics), left to right. Specks are dropped. With near, only
// components close above or below each other merge (a speck far under a letter does not).
func glyphsIn(bin *image.Gray, box image.Rectangle, near bool) []glyphBox {
	w, h := box.Dx(), box.Dy()
	seen := make([]bool, w*h)
	ink := func(x, y int) bool { return bin.Pix[bin.PixOffset(box.Min.X+x, box.Min.Y+y)] < 128 }
	var comps []glyphBox
	stack := make([]int, 0, 256)
	for y := range h {
		for x := range w {
			if seen[y*w+x] || !ink(x, y) {
				continue
			}
			g := glyphBox{x, x + 1, y, y + 1}
			n := 0
			seen[y*w+x] = true
			stack = append(stack[:0], y*w+x)
			for len(stack) > 0 {
				p := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				px, py := p%w, p/w
				n++
				g = glyphBox{min(g.x0, px), max(g.x1, px+1), min(g.y0, py), max(g.y1, py+1)}
				for dy := -1; dy <= 1; dy++ {
					for dx := -1; dx <= 1; dx++ {
						qx, qy := px+dx, py+dy
						if qx >= 0 && qy >= 0 && qx < w && qy < h && !seen[qy*w+qx] && ink(qx, qy) {
							seen[qy*w+qx] = true
							stack = append(stack, qy*w+qx)
						}
					}
				}
			}
			if n >= 8 && g.y1-g.y0 < h*9/10+1 && g.x1-g.x0 < w {
				comps = append(comps, g)
			}
		}
	}
	slices.SortFunc(comps, func(a, b glyphBox) int { return (a.x0 + a.x1) - (b.x0 + b.x1) })
	var out []glyphBox
	for _, c := range comps {
		if k := len(out) - 1; k >= 0 {
			o := out[k]
			overlap := min(o.x1, c.x1) - max(o.x0, c.x0)
			vgap := max(o.y0, c.y0) - min(o.y1, c.y1)
			close := !near || vgap <= max(o.y1-o.y0, c.y1-c.y0)/2
			if overlap*2 >= min(o.x1-o.x0, c.x1-c.x0) && close {
				out[k] = glyphBox{min(o.x0, c.x0), max(o.x1, c.x1), min(o.y0, c.y0), max(o.y1, c.y1)}
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// pitchDeviation: a typewriter's glyph centres sit a whole number of cells apart; a pen's
// letters are as wide as their shapes. Distances across a word space are left out.
func pitchDeviation(gs []glyphBox, medH float64) float64 {
	var ds []float64
	for i := 1; i < len(gs); i++ {
		d := float64(gs[i].x0+gs[i].x1-gs[i-1].x0-gs[i-1].x1) / 2
		if d > 0 && d < 1.3*medH {
			ds = append(ds, d)
		}
	}
	if len(ds) < 2 {
		return -1
	}
	p := medianF(ds)
	s := 0.0
	for _, d := range ds {
		s += math.Abs(d-p) / p
	}
	return s / float64(len(ds))
}

// baselineResidual fits a straight line through the bottoms of the glyphs that sit on the
// baseline (descenders left out) and returns the RMS residual relative to the glyph height.
func baselineResidual(gs []glyphBox, medH float64) float64 {
	bs := make([]float64, len(gs))
	for i, g := range gs {
		bs[i] = float64(g.y1)
	}
	mb := medianF(bs)
	var xs, ys []float64
	for _, g := range gs {
		if b := float64(g.y1); b <= mb+0.15*medH && b >= mb-0.3*medH {
			xs = append(xs, float64(g.x0+g.x1)/2)
			ys = append(ys, b)
		}
	}
	if len(xs) < 3 {
		return 0
	}
	var sx, sy, sxx, sxy float64
	for i := range xs {
		sx, sy, sxx, sxy = sx+xs[i], sy+ys[i], sxx+xs[i]*xs[i], sxy+xs[i]*ys[i]
	}
	n := float64(len(xs))
	den := n*sxx - sx*sx
	slope := 0.0
	if den != 0 {
		slope = (n*sxy - sx*sy) / den
	}
	icpt := (sy - slope*sx) / n
	ss := 0.0
	for i := range xs {
		r := ys[i] - (icpt + slope*xs[i])
		ss += r * r
	}
	return math.Sqrt(ss/n) / medH
}

func medianF(xs []float64) float64 {
	c := slices.Clone(xs)
	slices.Sort(c)
	return c[len(c)/2]
}

// score is a field's evidence of handwriting: irregular glyph spacing plus a wandering
// baseline. Measured on synthetic form pages (seeds 501 and 502, 720 fields): the median field
// of a typed page scores 0.04–0.08 (heavy pages, whose letters break, the most), of a
// handwritten page 0.16–0.25; single fields of either overlap (10% of typed fields score
// above 0.13).
func (ft inkFeatures) score() float64 { return ft.pitch + ft.baseline }

// measured reports whether the field has enough glyphs for its score to mean anything.
func (ft inkFeatures) measured() bool { return ft.glyphs >= 4 && ft.pitch >= 0 }

// Thresholds of the median score: a page is handwritten above handPage; an entry of a
// handwritten page is typed below typedEntry. An entry of a typed page is not judged on its
// own: on 30 typed pages (seed 7) six entries' medians passed 0.25 and lost their values.
// Measured line by line (measureField) on seed 404, 12 typed and 12 handwritten pages of
// both layouts and all severities: typed page medians 0.037–0.070 (0.076 on a poor page),
// handwritten ones 0.136–0.29 (the death-register tables the lowest).
const (
	handPage     = 0.11
	handPoorPage = 0.2
	typedEntry   = 0.06
	// minMeasured is how many measured fields an entry needs to differ from its page.
	minMeasured = 3
)

// classifyEntries tells, for each entry of a page, whether its values are handwritten, from
// the ink of their words (see measureEntries): a single field ("Nam", "12") has too few letters
// to judge alone, and one field's score is noisy, so the median of the entry's fields decides
// when it is clear, else the median of the page's. A typed entry on a handwritten page keeps
// the difference.
//
// On a poor page (faded or noisy, whose every value is flagged anyway) broken letters make
// type look irregular, so the page counts as handwritten only above handPoorPage.
func classifyEntries(scores [][]float64, poor bool) []bool {
	var all []float64
	for _, es := range scores {
		all = append(all, es...)
	}
	limit := handPage
	if poor {
		limit = handPoorPage
	}
	page := len(all) > 0 && medianF(all) > limit
	out := make([]bool, len(scores))
	for i, es := range scores {
		out[i] = page
		if len(es) >= minMeasured {
			m := medianF(es)
			out[i] = page && m >= typedEntry
		}
	}
	return out
}

// measureEntries scores the ink of every field's words, entry by entry (measured fields only).
func measureEntries(bin *image.Gray, entries []*entry) [][]float64 {
	out := make([][]float64, len(entries))
	for i, e := range entries {
		for _, ws := range e.fields {
			if ft := measureField(bin, ws); ft.measured() {
				out[i] = append(out[i], ft.score())
			}
		}
	}
	return out
}

// measureField measures a value's ink line by line and pools the lines, weighted by their
// glyphs. Measured as one box, a value wrapped over two or three lines of a table cell had
// the glyphs of different lines merged into a few tall "glyphs" with uneven spacing, and typed
// tables scored as handwriting (seed 404: page medians 0.21–0.25, now 0.04–0.08). Each line's
// box is padded by an eighth of its height: Tesseract's boxes are tight, and a glyph as tall as
// its box was dropped as a ruling line.
func measureField(bin *image.Gray, ws []Word) inkFeatures {
	out := inkFeatures{pitch: -1}
	var pitch, base, n float64
	for _, l := range groupLines(ws) {
		b := l.Box
		pad := max(2, b.Dy()/8)
		b.Min.Y, b.Max.Y = b.Min.Y-pad, b.Max.Y+pad
		ft := measureInk(bin, b)
		out.glyphs += ft.glyphs
		if ft.pitch >= 0 {
			g := float64(ft.glyphs)
			pitch, base, n = pitch+g*ft.pitch, base+g*ft.baseline, n+g
		}
	}
	if n > 0 {
		out.pitch, out.baseline = pitch/n, base/n
	}
	return out
}
