package imaging

import "testing"

// BenchmarkRewrites times each rewritten step against the implementation it replaced
// (reference_test.go), side by side, so a comparison needs only one run on a noisy machine.
func BenchmarkRewrites(b *testing.B) {
	g := Grayscale(benchPage(b))
	flat := FlattenBackground(g, 50)
	bin := Sauvola(flat, 31, DefaultSauvolaK, DefaultSauvolaR)
	scratch := cloneGray(bin)
	for _, s := range []struct {
		name     string
		new, old func()
	}{
		{"downscaleMax7",
			func() { downscaleMax(g, 7) },
			func() { downscaleBlocksGeneric(g, 7, true) }},
		{"downscaleMax8",
			func() { downscaleMax(g, 8) },
			func() { downscaleBlocksGeneric(g, 8, true) }},
		{"sauvola",
			func() { Sauvola(flat, 31, DefaultSauvolaK, DefaultSauvolaR) },
			func() { sauvolaRef(flat, 31, DefaultSauvolaK, DefaultSauvolaR) }},
		{"despeckle", // each run starts from a fresh copy of the binary page
			func() { copy(scratch.Pix, bin.Pix); Despeckle(scratch, 4) },
			func() { copy(scratch.Pix, bin.Pix); despeckleRef(scratch, 4) }},
	} {
		for _, v := range []struct {
			name string
			fn   func()
		}{{"new", s.new}, {"old", s.old}} {
			b.Run(s.name+"/"+v.name, func(b *testing.B) {
				for b.Loop() {
					v.fn()
				}
			})
		}
	}
}

func BenchmarkSkewScore(b *testing.B) {
	p := newAnalysis(Grayscale(benchPage(b))).newProfiler(DefaultMaxSkew)
	b.Run("new", func(b *testing.B) {
		for b.Loop() {
			p.score(1.5, 2)
		}
	})
	b.Run("old", func(b *testing.B) {
		for b.Loop() {
			p.scoreRef(1.5, 2)
		}
	})
}
