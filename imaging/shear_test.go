package imaging

import (
	"image"
	"math"
	"testing"
)

// TestShearRotateStraightens turns a page with one long horizontal and one long vertical rule
// with dimg, then back with shearRotate: both rules must come out level and plumb to within a
// third of a pixel over 700 pixels (shears a little off, such as b = sin, drift by over one).
func TestShearRotateStraightens(t *testing.T) {
	const size, paper = 1001, 230
	for _, deg := range []float64{4, -2.5, 9, -9} {
		g := uniform(size, size, paper)
		for i := 100; i < 900; i++ {
			for d := range 3 {
				g.Pix[(499+d)*g.Stride+i] = 20 // horizontal rule, rows 499–501
				g.Pix[i*g.Stride+499+d] = 20   // vertical rule, columns 499–501
			}
		}
		r := shearRotate(rotatePage(t, g, deg, paper), -deg, paper)
		// Ink-weighted centre across a 120-pixel window around the rule.
		centre := func(at func(i int) uint8) float64 {
			var s, m float64
			for i := range 120 {
				if d := paper - float64(at(i)); d > 0 {
					s += d * float64(i)
					m += d
				}
			}
			return 440 + s/max(m, 1)
		}
		row := func(x int) float64 { return centre(func(i int) uint8 { return r.GrayAt(x, 440+i).Y }) }
		col := func(y int) float64 { return centre(func(i int) uint8 { return r.GrayAt(440+i, y).Y }) }
		spread := func(f func(int) float64) float64 {
			lo, hi := math.Inf(1), math.Inf(-1)
			for i := 150; i < 850; i++ {
				if i > 420 && i < 580 { // where the rules cross
					continue
				}
				lo, hi = min(lo, f(i)), max(hi, f(i))
			}
			return hi - lo
		}
		if s := spread(row); s > 0.3 {
			t.Errorf("%v°: horizontal rule drifts %.2f rows over 700 columns, want ≤ 0.3", deg, s)
		}
		if s := spread(col); s > 0.3 {
			t.Errorf("%v°: vertical rule drifts %.2f columns over 700 rows, want ≤ 0.3", deg, s)
		}
		if c := row(300); math.Abs(c-500) > 1 {
			t.Errorf("%v°: horizontal rule at row %.2f, want 500 ± 1", deg, c)
		}
	}
	if got := shearRotate(uniform(40, 30, 7), math.NaN(), 200); got.Pix[0] != 7 {
		t.Errorf("NaN angle: got %d at the corner, want the page unturned", got.Pix[0])
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
