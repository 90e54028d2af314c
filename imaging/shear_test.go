package imaging

import (
	"image"
	"math"
	"testing"
)

// TestShearRotateStraightens turns a page with one horizontal and one vertical rule by 4° with
// dimg, then back with shearRotate: both rules must come out straight, within a pixel.
func TestShearRotateStraightens(t *testing.T) {
	for _, deg := range []float64{4, -2.5, 9} {
		g := uniform(603, 801, 230)
		for y := 399; y < 402; y++ {
			for x := 60; x < 540; x++ {
				g.Pix[y*g.Stride+x] = 20
			}
		}
		for y := 100; y < 700; y++ {
			for x := 300; x < 303; x++ {
				g.Pix[y*g.Stride+x] = 20
			}
		}
		r := shearRotate(rotatePage(t, g, deg, 230), -deg, 230)
		// Ink-weighted centre of each column of the horizontal rule, and of each row of the
		// vertical one, away from where they cross.
		centre := func(n int, at func(i int) uint8) float64 {
			var s, m float64
			for i := range n {
				d := 230 - float64(at(i))
				if d > 0 {
					s += d * float64(i)
					m += d
				}
			}
			return s / max(m, 1)
		}
		spread := func(from, to int, c func(int) float64) float64 {
			lo, hi := math.Inf(1), math.Inf(-1)
			for i := from; i < to; i++ {
				lo, hi = min(lo, c(i)), max(hi, c(i))
			}
			return hi - lo
		}
		rows := func(x int) float64 {
			return 350 + centre(100, func(i int) uint8 { return r.GrayAt(x, 350+i).Y })
		}
		cols := func(y int) float64 {
			return 250 + centre(100, func(i int) uint8 { return r.GrayAt(250+i, y).Y })
		}
		if s := spread(120, 260, rows); s > 1 {
			t.Errorf("%v°: horizontal rule spans %.2f rows, want ≤ 1", deg, s)
		}
		if s := spread(180, 360, cols); s > 1 {
			t.Errorf("%v°: vertical rule spans %.2f columns, want ≤ 1", deg, s)
		}
		if c := rows(200); math.Abs(c-400) > 1.5 {
			t.Errorf("%v°: horizontal rule at row %.2f, want 400 ± 1.5", deg, c)
		}
	}
}

// TestShearRotateMatchesRotate compares the two shears with bilinear rotation near the centre,
// where the shears' stretch moves pixels by well under one.
func TestShearRotateMatchesRotate(t *testing.T) {
	p := makePage(defaultSpec(600, 800))
	for _, deg := range []float64{3, -5} {
		s, r := shearRotate(p.g, deg, 200), rotateFill(p.g, deg, 200)
		var diff, n float64
		for y := 300; y < 500; y++ {
			for x := 200; x < 400; x++ {
				diff += math.Abs(float64(s.GrayAt(x, y).Y) - float64(r.GrayAt(x, y).Y))
				n++
			}
		}
		if mean := diff / n; mean > 4 {
			t.Errorf("%v°: mean difference from Rotate near the centre: got %.2f, want ≤ 4", deg, mean)
		}
		if v := s.GrayAt(0, 0).Y; v != 200 {
			t.Errorf("%v°: corner: got %d, want the fill 200", deg, v)
		}
		if s.Rect != image.Rect(0, 0, 600, 800) {
			t.Errorf("%v°: bounds %v, want the input's", deg, s.Rect)
		}
	}
}
