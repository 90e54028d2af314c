package imaging

import (
	"math"
	"testing"
)

func TestDetectSkew(t *testing.T) {
	base := makePage(defaultSpec(1240, 1754))
	for _, tc := range []struct {
		name string
		deg  float64
	}{
		{"level", 0},
		{"ccw 3.0", 3.0},
		{"cw 7.5", -7.5},
		{"ccw 0.4", 0.4},
		{"cw 9.6", -9.6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := rotatePage(t, base.g, tc.deg, 235)
			got := DetectSkew(g, DefaultMaxSkew)
			if math.Abs(got-tc.deg) > 0.1 {
				t.Errorf("got %.2f°, want %.2f° ± 0.1", got, tc.deg)
			}
		})
	}
}

func TestDetectSkewFullResolution(t *testing.T) {
	// At 300 dpi the analysis image is reduced 2×; the angle must survive that.
	base := makePage(defaultSpec(2480, 3508))
	g := rotatePage(t, base.g, 3.0, 235)
	if got := DetectSkew(g, DefaultMaxSkew); math.Abs(got-3.0) > 0.1 {
		t.Errorf("got %.2f°, want 3.00° ± 0.1", got)
	}
}

func TestDetectSkewBlankPage(t *testing.T) {
	if got := DetectSkew(uniform(500, 700, 230), DefaultMaxSkew); got != 0 {
		t.Errorf("got %.2f°, want 0 for a blank page", got)
	}
}

func TestRotateMatchesDimgDirection(t *testing.T) {
	// A dark dot right of centre turned 90° counter-clockwise must end up above the centre,
	// as dimg.Rotate does it.
	g := uniform(201, 201, 255)
	for y := 97; y < 104; y++ {
		for x := 167; x < 174; x++ {
			g.Pix[y*g.Stride+x] = 0
		}
	}
	r := Rotate(g, 90)
	if v := r.GrayAt(100, 30).Y; v != 0 {
		t.Errorf("pixel above centre: got %d, want 0", v)
	}
	if v := r.GrayAt(170, 100).Y; v != 255 {
		t.Errorf("old position: got %d, want 255", v)
	}
	d := rotatePage(t, g, 90, 255)
	if v := d.GrayAt(100, 30).Y; v != 0 {
		t.Errorf("dimg: pixel above centre: got %d, want 0", v)
	}
}

func TestRotateRoundTrip(t *testing.T) {
	p := makePage(defaultSpec(600, 800))
	back := Rotate(Rotate(p.g, 5), -5)
	// Away from the corners that were filled white, two bilinear passes stay close.
	var diff, n float64
	for y := 200; y < 600; y++ {
		for x := 150; x < 450; x++ {
			diff += math.Abs(float64(back.GrayAt(x, y).Y) - float64(p.g.GrayAt(x, y).Y))
			n++
		}
	}
	if mean := diff / n; mean > 12 {
		t.Errorf("mean difference after ±5° round trip: got %.1f, want ≤ 12", mean)
	}
	if v := Rotate(p.g, 5).GrayAt(0, 0).Y; v != 255 {
		t.Errorf("corner fill: got %d, want 255", v)
	}
}

func TestProfileScoreMatchesReference(t *testing.T) {
	g := rotatePage(t, makePage(defaultSpec(620, 877)).g, 1.3, 230)
	p := newAnalysis(g).newProfiler(DefaultMaxSkew)
	for _, deg := range []float64{-10, -1.3, 0, 0.01, 1.3, 4.75, 10} {
		for _, step := range []int{1, 2, 4} {
			if got, want := p.score(deg, step), p.scoreRef(deg, step); got != want {
				t.Errorf("%v° step %d: got %v, want %v", deg, step, got, want)
			}
		}
	}
}
