package imaging

import (
	"context"
	"image"
	"syscall"
	"testing"
	"time"
)

// benchPage is a 300-dpi A4 page (2480×3508): yellowed, unevenly lit paper, text-like strokes,
// sensor noise and a 2° skew, as an RGBA colour scan.
func benchPage(tb testing.TB) *image.RGBA {
	s := defaultSpec(2480, 3508)
	s.paper, s.ink = 215, 60
	g := rotatePage(tb, makePage(s).g, 2, s.paper)
	mapPixels(g, func(x, y int, v float64) float64 { return v * (1 - 0.25*float64(x+y)/6000) })
	addNoise(g, 6, 42)
	return colourPage(g)
}

func BenchmarkClean(b *testing.B) {
	img := benchPage(b)
	ctx := context.Background()
	b.ReportAllocs()
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		res, err := Clean(ctx, img, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Rescan {
			b.Fatalf("got rescan %+v, want none", res.Reasons)
		}
		n++
	}
	// CPU time is steadier than wall time on a machine shared with other work.
	b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(n), "cpu-ms/op")
}

// cpuTime is the user+system CPU time used by this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkSteps times each step on its own on the same page, to see where Clean spends.
func BenchmarkSteps(b *testing.B) {
	g := Grayscale(benchPage(b))
	flat := FlattenBackground(g, 50)
	bin := Sauvola(flat, 31, DefaultSauvolaK, DefaultSauvolaR)
	for _, s := range []struct {
		name string
		fn   func()
	}{
		{"grayscale", func() { Grayscale(g) }},
		{"crop", func() { CropBorder(g) }},
		{"analysis", func() { newAnalysis(g) }},
		{"skew", func() { DetectSkew(g, DefaultMaxSkew) }},
		{"rotate", func() { Rotate(g, 2) }},
		{"shear", func() { shearRotate(g, 2, 255) }},
		{"flatten", func() { FlattenBackground(g, 50) }},
		{"stretch", func() { StretchContrast(flat, DefaultLowPercentile, DefaultHighPercentile) }},
		{"median", func() { Median3(flat) }},
		{"sauvola", func() { Sauvola(flat, 31, DefaultSauvolaK, DefaultSauvolaR) }},
		{"despeckle", func() { Despeckle(Sauvola(flat, 31, DefaultSauvolaK, DefaultSauvolaR), 4) }},
		{"trim", func() { TrimStrokes(flat, cloneGray(bin), TrimFraction) }},
		{"clone", func() { cloneGray(bin) }},
		{"blur", func() { BlurScore(flat) }},
		{"noise", func() { NoiseSigma(g) }},
	} {
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s.fn()
			}
		})
	}
}
