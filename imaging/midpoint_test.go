package imaging

import (
	"context"
	"image"
	"testing"

	dimg "github.com/disintegration/imaging"
)

func TestScoreBinary(t *testing.T) {
	bin := image.NewGray(image.Rect(0, 0, 4, 1))
	copy(bin.Pix, []uint8{0, 0, 255, 255})
	ink := []bool{true, false, true, false} // one hit, one false alarm, one miss
	s := ScoreBinary(bin, ink)
	if s.Precision != 50 || s.Recall != 50 || s.F != 50 {
		t.Errorf("got %+v, want precision, recall and F 50", s)
	}
	blank := image.NewGray(image.Rect(0, 0, 2, 1))
	blank.Pix[0], blank.Pix[1] = 255, 255
	if s := ScoreBinary(blank, []bool{false, false}); s.F != 100 {
		t.Errorf("blank page, nothing marked: F %.1f, want 100", s.F)
	}
}

// A blurred, faded page: Sauvola alone takes the grey halo around each stroke, and trimming
// gives it back without losing the strokes (F-measure against the drawn ink).
func TestTrimStrokesThinsBlurredStrokes(t *testing.T) {
	spec := defaultSpec(1200, 900)
	spec.paper, spec.ink, spec.stroke = 225, 120, 3
	p := makePage(spec)
	g := toGrayFast(dimg.Blur(p.g, 1.3))
	addNoise(g, 6, 2)
	res, err := Clean(context.Background(), g, Options{KeepGeometry: true, DPI: 300})
	if err != nil {
		t.Fatal(err)
	}
	plain := Sauvola(res.Gray, 31, DefaultSauvolaK, DefaultSauvolaR)
	before := ScoreBinary(plain, p.ink)
	TrimStrokes(res.Gray, plain, TrimFraction)
	after := ScoreBinary(plain, p.ink)
	if after.F < before.F+3 || after.Recall < 90 {
		t.Errorf("trimmed F %.1f (recall %.1f), Sauvola alone F %.1f: want 3 points better, recall ≥ 90", after.F, after.Recall, before.F)
	}
}
