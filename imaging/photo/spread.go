package photo

import "image"

// gutter looks for the fold of an open book in the rectified proxy of the whole outline: a
// darker, ink-free valley near the middle of a landscape outline. It returns the fold's
// position at the top and at the bottom, as fractions of the width.
func gutter(g *image.Gray) (top, bottom float64, ok bool) {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	if float64(w)/float64(h) < 1.1 || w < 60 {
		return 0, 0, false
	}
	bg := rankFilter(g, 2, true)
	col := func(y0, y1 int) []float64 {
		p := make([]float64, w)
		for y := y0; y < y1; y++ {
			for x := range w {
				p[x] += float64(bg.Pix[y*bg.Stride+x])
			}
		}
		for x := range p {
			p[x] /= float64(y1 - y0)
		}
		return p
	}
	valley := func(p []float64, lo, hi int) (int, float64) {
		bi := lo
		for x := lo; x < hi; x++ {
			if p[x] < p[bi] {
				bi = x
			}
		}
		side := (mean(p[w/5:w*3/10]) + mean(p[w*7/10:w*4/5])) / 2
		return bi, 1 - p[bi]/side
	}
	all := col(h/10, h*9/10)
	x, depth := valley(all, w*38/100, w*62/100)
	if depth < 0.05 {
		return 0, 0, false
	}
	reach := w / 20
	xt, _ := valley(col(h/20, h*3/10), max(0, x-reach), min(w, x+reach))
	xb, _ := valley(col(h*7/10, h*19/20), max(0, x-reach), min(w, x+reach))
	// The valley found in the top and bottom bands is at their middle rows; extend the line
	// through them to the top and bottom of the outline.
	yt, yb := float64(h)*0.175, float64(h)*0.825
	slope := float64(xb-xt) / (yb - yt)
	tx := float64(xt) + 0.5 - slope*yt
	bx := tx + slope*float64(h)
	return tx / float64(w), bx / float64(w), true
}

func mean(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s / float64(max(1, len(v)))
}
