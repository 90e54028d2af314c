package age

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestDegradationWithinSeverity(t *testing.T) {
	for _, tc := range []struct {
		name    string
		sr      Range
		maxSkew float64
	}{{"light", Light, 1}, {"medium", Medium, 3}, {"heavy", Heavy, 5}} {
		sr, maxSkew := tc.sr, tc.maxSkew
		t.Run(tc.name, func(t *testing.T) {
			for i := range 500 {
				p := Draw(rand.New(rand.NewPCG(uint64(i), uint64(i))), sr)
				if math.Abs(p.SkewDeg) > maxSkew {
					t.Fatalf("skew %.2f° beyond ±%.0f°", p.SkewDeg, maxSkew)
				}
				if p.BlurSigma != 0 && (p.BlurSigma < sr.blur[0] || p.BlurSigma > sr.blur[1]) {
					t.Fatalf("blur σ %.2f outside %v", p.BlurSigma, sr.blur)
				}
				if p.JPEGQuality != 0 && (p.JPEGQuality < sr.jpegQ[0] || p.JPEGQuality > sr.jpegQ[1]) {
					t.Fatalf("jpeg quality %d outside %v", p.JPEGQuality, sr.jpegQ)
				}
				if p.LowDPI != 0 && (tc.name == "light" || p.LowDPI < 150 || p.LowDPI > 200) {
					t.Fatalf("low resolution %d dpi on a %s page", p.LowDPI, tc.name)
				}
				if p.FadeMin < sr.fadeMin[0] || p.FadeMin > sr.fadeMin[1] || p.Contrast < sr.contrast[0] {
					t.Fatalf("ink fade %.2f / contrast %.2f outside %v / %v", p.FadeMin, p.Contrast, sr.fadeMin, sr.contrast)
				}
				for _, d := range p.Record() {
					if d.Name == "skew" && d.Params["skew_deg"] != p.SkewDeg {
						t.Fatalf("recorded skew %v, drew %v", d.Params["skew_deg"], p.SkewDeg)
					}
				}
			}
		})
	}
}
