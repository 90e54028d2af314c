package imaging

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"testing"
)

func TestGrayscale(t *testing.T) {
	rgba := image.NewRGBA(image.Rect(10, 20, 14, 22))
	rgba.Set(10, 20, color.RGBA{255, 0, 0, 255})
	rgba.Set(11, 20, color.RGBA{0, 255, 0, 255})
	rgba.Set(12, 20, color.RGBA{0, 0, 255, 255})
	rgba.Set(13, 20, color.RGBA{200, 200, 200, 255})
	ycc := image.NewYCbCr(image.Rect(0, 0, 4, 2), image.YCbCrSubsampleRatio420)
	ycc.Y[1] = 77
	pal := image.NewPaletted(image.Rect(0, 0, 4, 2), color.Palette{color.Gray{9}, color.White})
	for _, tc := range []struct {
		name string
		img  image.Image
		want []uint8 // first row
	}{
		{"rgba with offset bounds", rgba, []uint8{76, 150, 29, 200}},
		{"ycbcr takes Y", ycc, []uint8{0, 77, 0, 0}},
		{"paletted", pal, []uint8{9, 9, 9, 9}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := Grayscale(tc.img)
			if g.Rect != image.Rect(0, 0, 4, 2) {
				t.Fatalf("got bounds %v, want (0,0)-(4,2)", g.Rect)
			}
			for x, want := range tc.want {
				if got := g.Pix[x]; got != want {
					t.Errorf("x=%d: got %d, want %d", x, got, want)
				}
			}
		})
	}
}

func TestFlattenRemovesStain(t *testing.T) {
	s := defaultSpec(1000, 1400)
	p := makePage(s)
	// A coffee stain: a soft-edged blob that darkens the paper (and the ink under it) to 55%.
	cx, cy, rad := 600.0, 700.0, 180.0
	mapPixels(p.g, func(x, y int, v float64) float64 {
		d := math.Hypot(float64(x)-cx, float64(y)-cy) / rad
		return v * (1 - 0.45*math.Exp(-math.Pow(d, 6)))
	})
	addNoise(p.g, 4, 2)
	flat := FlattenBackground(p.g, 50)
	bin := Sauvola(flat, 31, DefaultSauvolaK, DefaultSauvolaR)
	stain := image.Rect(int(cx-0.8*rad), int(cy-0.8*rad), int(cx+0.8*rad), int(cy+0.8*rad))
	_, paperKept := inkAccuracy(bin, p.ink, stain)
	if paperKept < 0.99 {
		t.Errorf("paper inside the stain read as white: got %.3f, want ≥ 0.99", paperKept)
	}
	outside := image.Rect(s.margin, s.margin, 400, 400)
	inkFound, _ := inkAccuracy(bin, p.ink, outside)
	if inkFound < 0.9 {
		t.Errorf("ink outside the stain read as black: got %.3f, want ≥ 0.9", inkFound)
	}
	// And the paper in the stain is brought up to the level of the clean paper.
	if v := flat.GrayAt(int(cx), int(cy)-5).Y; !p.ink[(int(cy)-5)*s.w+int(cx)] && v < 235 {
		t.Errorf("flattened stain centre: got %d, want ≥ 235", v)
	}
}

func TestCropBorder(t *testing.T) {
	s := defaultSpec(800, 1100)
	p := makePage(s)
	want := image.Rect(37, 22, 800-51, 1100-15)
	mapPixels(p.g, func(x, y int, v float64) float64 {
		if !image.Pt(x, y).In(want) {
			return 20 + float64((x*7+y*13)%30) // the scanner lid: dark and uneven
		}
		return v
	})
	addNoise(p.g, 5, 9)
	got, r := CropBorder(p.g)
	for _, d := range []int{r.Min.X - want.Min.X, r.Min.Y - want.Min.Y, r.Max.X - want.Max.X, r.Max.Y - want.Max.Y} {
		if d < -1 || d > 3 {
			t.Errorf("got crop %v, want %v within a few pixels", r, want)
			break
		}
	}
	if got.Rect.Size() != r.Size() {
		t.Errorf("got image %v, want size %v", got.Rect, r.Size())
	}

	clean := makePage(s).g
	if _, r := CropBorder(clean); r != clean.Rect {
		t.Errorf("page without border: got crop %v, want %v", r, clean.Rect)
	}
}

func TestSauvolaGradientFadedText(t *testing.T) {
	s := defaultSpec(1000, 1400)
	s.paper, s.ink = 220, 160 // faded ink: 60 grey levels under the paper
	p := makePage(s)
	// Light falls off from the left edge to a third of the brightness on the right.
	mapPixels(p.g, func(x, _ int, v float64) float64 { return v * (1 - 0.6*float64(x)/1000) })
	addNoise(p.g, 3, 5)
	bin := Sauvola(p.g, 31, DefaultSauvolaK, DefaultSauvolaR)
	inkFound, paperKept := inkAccuracy(bin, p.ink, p.g.Rect)
	if inkFound < 0.9 || paperKept < 0.99 {
		t.Errorf("got ink %.3f, paper %.3f; want ≥ 0.9 and ≥ 0.99", inkFound, paperKept)
	}
	// The darkest quarter alone must still work.
	dark := image.Rect(750, 0, 1000, 1400)
	if inkFound, paperKept := inkAccuracy(bin, p.ink, dark); inkFound < 0.85 || paperKept < 0.99 {
		t.Errorf("dark side: got ink %.3f, paper %.3f; want ≥ 0.85 and ≥ 0.99", inkFound, paperKept)
	}
}

func TestSauvolaMatchesBruteForce(t *testing.T) {
	p := makePage(defaultSpec(160, 140))
	addNoise(p.g, 20, 4)
	const win, k, r = 15, 0.3, 128.0
	got := Sauvola(p.g, win, k, r)
	w, h := 160, 140
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			// The threshold is evaluated at the top-left pixel of each 2×2 block.
			cx, cy := x&^1, y&^1
			var sum, sq, n float64
			for yy := max(0, cy-win/2); yy <= min(h-1, cy+win/2); yy++ {
				for xx := max(0, cx-win/2); xx <= min(w-1, cx+win/2); xx++ {
					v := float64(p.g.GrayAt(xx, yy).Y)
					sum, sq, n = sum+v, sq+v*v, n+1
				}
			}
			m := sum / n
			th := m * (1 + k*(math.Sqrt(max(0, sq/n-m*m))/r-1))
			v := float64(p.g.GrayAt(x, y).Y)
			if math.Abs(v-th) < 1e-9 {
				continue // on the threshold: rounding may go either way
			}
			if want := v > th; (got.GrayAt(x, y).Y == 255) != want {
				t.Fatalf("(%d,%d): v=%v threshold=%.2f: got %d", x, y, v, th, got.GrayAt(x, y).Y)
			}
		}
	}
}

func TestStretchContrast(t *testing.T) {
	g := uniform(100, 100, 200)
	for i := range 1000 { // 10% ink at 100
		g.Pix[i] = 100
	}
	got := StretchContrast(g, 0.01, 0.99)
	if a, b := got.Pix[0], got.Pix[5000]; a != 0 || b != 255 {
		t.Errorf("got ink %d paper %d, want 0 and 255", a, b)
	}
	// A blank page with a little noise must not be blown up: gain is capped at 6.
	blank := uniform(100, 100, 240)
	blank.Pix[0] = 236
	if v := StretchContrast(blank, 0.0, 0.99).Pix[0]; v != 255-24 {
		t.Errorf("blank page: got %d, want %d", v, 255-24)
	}
}

func TestMedian3(t *testing.T) {
	g := uniform(50, 50, 255)
	g.Pix[10*50+10] = 0 // salt and pepper
	g.Pix[20*50+30] = 0
	g.Pix[21*50+30] = 0
	for y := range 50 { // a 3-pixel stroke
		g.Pix[y*50+40], g.Pix[y*50+41], g.Pix[y*50+42] = 0, 0, 0
	}
	m := Median3(g)
	for _, c := range []struct {
		x, y int
		want uint8
	}{{10, 10, 255}, {30, 20, 255}, {30, 21, 255}, {41, 25, 0}, {40, 0, 0}, {42, 49, 0}, {39, 25, 255}} {
		if got := m.GrayAt(c.x, c.y).Y; got != c.want {
			t.Errorf("(%d,%d): got %d, want %d", c.x, c.y, got, c.want)
		}
	}
}

func TestDespeckle(t *testing.T) {
	g := uniform(60, 60, 255)
	set := func(r image.Rectangle) {
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				g.Pix[y*60+x] = 0
			}
		}
	}
	set(image.Rect(5, 5, 6, 6))     // 1 px speck
	set(image.Rect(10, 10, 12, 12)) // 4 px speck
	set(image.Rect(20, 20, 24, 24)) // 16 px diacritic dot: keep
	set(image.Rect(30, 5, 33, 55))  // stroke: keep
	set(image.Rect(34, 30, 35, 31)) // speck touching the stroke diagonally? no: 1 px gap, remove
	Despeckle(g, 4)
	for _, c := range []struct {
		x, y int
		want uint8
	}{{5, 5, 255}, {11, 11, 255}, {21, 21, 0}, {31, 50, 0}, {34, 30, 255}} {
		if got := g.GrayAt(c.x, c.y).Y; got != c.want {
			t.Errorf("(%d,%d): got %d, want %d", c.x, c.y, got, c.want)
		}
	}
}

func TestEstimateDPI(t *testing.T) {
	for _, tc := range []struct {
		name    string
		spec    pageSpec
		want    float64
		fromTxt bool
	}{
		{"300 dpi page", defaultSpec(2480, 3508), 300, true},
		{"150 dpi page", pageSpec{w: 1240, h: 1754, xHeight: 10, pitch: 30, margin: 100, paper: 230, ink: 40, stroke: 2, seed: 3}, 150, true},
		{"blank A4 at 200 dpi", pageSpec{w: 1654, h: 2339, xHeight: 10, pitch: 5000, margin: 100, paper: 230, ink: 40, stroke: 2}, 200, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := rotatePage(t, makePage(tc.spec).g, 1.5, tc.spec.paper)
			e := EstimateDPI(g, DefaultMaxSkew)
			if math.Abs(e.DPI-tc.want) > 0.15*tc.want || e.FromText != tc.fromTxt {
				t.Errorf("got %+v, want %.0f dpi ± 15%% (from text: %v)", e, tc.want, tc.fromTxt)
			}
		})
	}
}

func TestUpscale(t *testing.T) {
	g := Upscale(uniform(120, 100, 77), 2)
	if g.Rect.Size() != image.Pt(240, 200) || g.GrayAt(100, 100).Y != 77 {
		t.Errorf("got %v value %d, want 240×200 of 77", g.Rect.Size(), g.GrayAt(100, 100).Y)
	}
}

func TestBlurAndNoiseMetrics(t *testing.T) {
	sharp := makePage(defaultSpec(1000, 1400)).g
	blurred := blurGray(sharp, 4)
	stretch := func(g *image.Gray) *image.Gray { return StretchContrast(g, 0.005, 0.99) }
	bs, bb := BlurScore(stretch(sharp)), BlurScore(stretch(blurred))
	if bs < 1000 || bb > 150 {
		t.Errorf("blur score: got sharp %.0f, blurred %.0f; want ≥ 1000 and ≤ 150", bs, bb)
	}
	noisy := uniform(640, 640, 128)
	addNoise(noisy, 8, 1)
	if n := NoiseSigma(noisy); math.Abs(n-8) > 1 {
		t.Errorf("noise sigma: got %.2f, want 8 ± 1", n)
	}
	if n := NoiseSigma(sharp); n > 0.5 {
		t.Errorf("noise sigma of a clean page: got %.2f, want ≤ 0.5", n)
	}
}

func TestMedian3MatchesScalar(t *testing.T) {
	for _, w := range []int{8, 13, 15, 16, 17, 31, 32, 33, 64, 101} {
		g := uniform(w, 17, 128)
		addNoise(g, 60, uint64(w))
		fast, slow := Median3(g), median3Scalar(g)
		for i := range fast.Pix {
			if fast.Pix[i] != slow.Pix[i] {
				t.Fatalf("width %d, pixel %d: got %d, want %d", w, i, fast.Pix[i], slow.Pix[i])
			}
		}
	}
}

func TestSWARMinMax(t *testing.T) {
	vals := []uint8{0, 1, 2, 126, 127, 128, 129, 200, 254, 255}
	for _, a := range vals {
		for _, b := range vals {
			x := uint64(a) | uint64(b)<<8 | uint64(a)<<56
			y := uint64(b) | uint64(a)<<8 | uint64(b)<<56
			lo, hi := sortBytes(x, y)
			if uint8(lo) != min(a, b) || uint8(hi) != max(a, b) || uint8(lo>>8) != min(a, b) || uint8(hi>>56) != max(a, b) {
				t.Fatalf("a=%d b=%d: got lo %016x hi %016x", a, b, lo, hi)
			}
		}
	}
}

func TestDownscaleFastPaths(t *testing.T) {
	for _, w := range []int{5, 8, 21, 64, 103} {
		g := uniform(w, 37, 100)
		addNoise(g, 50, uint64(w))
		gotMean, wantMean := halve(g), downscaleBlocksGeneric(g, 2, false)
		cases := []struct {
			name      string
			got, want *image.Gray
		}{{"halve", gotMean, wantMean}}
		for _, f := range []int{2, 3, 4, 7, 8, 9, 40} {
			cases = append(cases, struct {
				name      string
				got, want *image.Gray
			}{fmt.Sprintf("max%d", f), downscaleMaxWords(g, f), downscaleBlocksGeneric(g, f, true)})
		}
		for _, c := range cases {
			if c.got.Rect != c.want.Rect {
				t.Fatalf("%s width %d: got %v, want %v", c.name, w, c.got.Rect, c.want.Rect)
			}
			for i := range c.got.Pix {
				if c.got.Pix[i] != c.want.Pix[i] {
					t.Fatalf("%s width %d, pixel %d: got %d, want %d", c.name, w, i, c.got.Pix[i], c.want.Pix[i])
				}
			}
		}
	}
}
