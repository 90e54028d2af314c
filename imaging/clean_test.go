package imaging

import (
	"context"
	"errors"
	"image"
	"image/color"
	"math"
	"slices"
	"testing"
)

// colourPage turns a grey page into yellowed paper: an RGBA image as a colour scanner gives.
func colourPage(g *image.Gray) *image.RGBA {
	out := image.NewRGBA(g.Rect)
	for i, v := range g.Pix {
		f := float64(v)
		out.Pix[4*i+0] = uint8(min(255, f*1.02))
		out.Pix[4*i+1] = uint8(f * 0.96)
		out.Pix[4*i+2] = uint8(f * 0.78)
		out.Pix[4*i+3] = 255
	}
	return out
}

func stepNames(r *Result) []string {
	var names []string
	for _, s := range r.Steps {
		names = append(names, s.Name)
	}
	return names
}

func TestCleanPipeline(t *testing.T) {
	p := makePage(defaultSpec(1240, 1754))
	g := rotatePage(t, p.g, 3, 235)
	addNoise(g, 6, 11)
	res, err := Clean(context.Background(), colourPage(g), Options{CollectSteps: true})
	if err != nil {
		t.Fatal(err)
	}
	m := res.Metrics
	if math.Abs(m.SkewDegrees-3) > 0.1 {
		t.Errorf("skew: got %.2f, want 3 ± 0.1", m.SkewDegrees)
	}
	if res.Rescan {
		t.Errorf("got rescan %+v with metrics %+v, want none", res.Reasons, m)
	}
	if want := []string{"grayscale", "crop", "deskew", "flatten", "contrast", "denoise", "binarize"}; !slices.Equal(stepNames(res), want) {
		t.Errorf("got steps %v, want %v", stepNames(res), want)
	}
	if res.Gray.Rect != res.Binary.Rect {
		t.Errorf("got gray %v and binary %v, want equal bounds", res.Gray.Rect, res.Binary.Rect)
	}
	// Deskewed, the binary page's ink profile must show sharp lines again.
	if s := DetectSkew(res.Gray, DefaultMaxSkew); math.Abs(s) > 0.1 {
		t.Errorf("skew left after cleaning: got %.2f, want 0 ± 0.1", s)
	}
}

func TestCleanKeepGeometry(t *testing.T) {
	s := defaultSpec(1001, 1399)
	p := makePage(s)
	mapPixels(p.g, func(x, y int, v float64) float64 { // uneven light and a dark band at the top
		if y < 30 {
			return 15
		}
		return v * (1 - 0.5*float64(x+y)/2400)
	})
	addNoise(p.g, 5, 3)
	res, err := Clean(context.Background(), p.g, Options{KeepGeometry: true, CollectSteps: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Gray.Rect != p.g.Rect || res.Binary.Rect != p.g.Rect {
		t.Errorf("got gray %v binary %v, want %v", res.Gray.Rect, res.Binary.Rect, p.g.Rect)
	}
	for _, n := range stepNames(res) {
		if n == "crop" || n == "deskew" || n == "upscale" {
			t.Errorf("got step %q, want no geometry steps", n)
		}
	}
	inkFound, paperKept := inkAccuracy(res.Binary, p.ink, image.Rect(0, 40, 1001, 1399))
	if inkFound < 0.9 || paperKept < 0.99 {
		t.Errorf("got ink %.3f, paper %.3f; want ≥ 0.9 and ≥ 0.99", inkFound, paperKept)
	}
}

func TestCleanUpscalesLowResolution(t *testing.T) {
	spec := pageSpec{w: 1240, h: 1754, xHeight: 10, pitch: 30, margin: 100, paper: 230, ink: 40, stroke: 2, seed: 3}
	res, err := Clean(context.Background(), makePage(spec).g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if u := res.Metrics.Upscale; math.Abs(u-2) > 0.3 {
		t.Errorf("got upscale %.2f (dpi %.0f), want about 2", u, res.Metrics.DPI)
	}
	if got := res.Gray.Rect.Dx(); math.Abs(float64(got)-1240*res.Metrics.Upscale) > 2 {
		t.Errorf("got width %d, want %.0f", got, 1240*res.Metrics.Upscale)
	}
}

func TestCleanRescan(t *testing.T) {
	base := func() *image.Gray { return makePage(defaultSpec(1000, 1400)).g }
	faint := defaultSpec(1000, 1400)
	faint.paper, faint.ink = 200, 190
	for _, tc := range []struct {
		name string
		img  *image.Gray
		want string
	}{
		{"good page", base(), ""},
		{"blurred", blurGray(base(), 5), "blurred"},
		{"dark", func() *image.Gray {
			g := base()
			mapPixels(g, func(_, _ int, v float64) float64 { return v * 0.2 })
			return g
		}(), "dark"},
		{"faint", makePage(faint).g, "low_contrast"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			addNoise(tc.img, 2, 1)
			res, err := Clean(context.Background(), tc.img, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var codes []string
			for _, r := range res.Reasons {
				codes = append(codes, r.Code)
				if r.English == "" || r.Vietnamese == "" {
					t.Errorf("reason %q lacks a message", r.Code)
				}
			}
			if tc.want == "" && res.Rescan || tc.want != "" && !slices.Contains(codes, tc.want) {
				t.Errorf("got rescan=%v %v (metrics %+v), want %q", res.Rescan, codes, res.Metrics, tc.want)
			}
		})
	}
}

func TestCleanStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Clean(ctx, makePage(defaultSpec(400, 500)).g, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestCleanRefusesTinyImage(t *testing.T) {
	img := image.NewUniform(color.White)
	_, err := Clean(context.Background(), &image.Gray{Rect: image.Rect(0, 0, 1, 1), Pix: []uint8{255}, Stride: 1}, Options{})
	if err == nil {
		t.Errorf("got nil error for a 1×1 image (%T), want one", img)
	}
}

// TestCleanCropViewMatchesCopy checks the fast path that keeps the cropped page as a view into
// the greyscale page (taken without CollectSteps) against the copying one (taken with it).
func TestCleanCropViewMatchesCopy(t *testing.T) {
	for _, tc := range []struct {
		name string
		skew float64
	}{{"skewed", 2}, {"straight", 0}} {
		t.Run(tc.name, func(t *testing.T) {
			s := defaultSpec(1240, 1754)
			g := makePage(s).g
			if tc.skew != 0 {
				g = rotatePage(t, g, tc.skew, s.paper)
			}
			mapPixels(g, func(x, y int, v float64) float64 { // scanner bands left and top
				if x < 40 || y < 25 {
					return 10
				}
				return v
			})
			addNoise(g, 4, 8)
			fast, err := Clean(context.Background(), g, Options{})
			if err != nil {
				t.Fatal(err)
			}
			slow, err := Clean(context.Background(), g, Options{CollectSteps: true})
			if err != nil {
				t.Fatal(err)
			}
			if fast.Metrics.Crop.Min == (image.Point{}) {
				t.Fatalf("got crop %v, want the bands removed", fast.Metrics.Crop)
			}
			if fast.Metrics != slow.Metrics {
				t.Fatalf("got metrics %+v, want %+v", fast.Metrics, slow.Metrics)
			}
			if !slices.Equal(fast.Gray.Pix, slow.Gray.Pix) || !slices.Equal(fast.Binary.Pix, slow.Binary.Pix) {
				t.Errorf("got different pixels with and without CollectSteps")
			}
		})
	}
}

// TestCleanTrustsGivenDPI checks that a resolution the file records decides the upscaling: the
// small writing of TestCleanUpscalesLowResolution, on a page said to be scanned at 300 dpi,
// stays at its size, and the same page said to be 150 dpi is doubled.
func TestCleanTrustsGivenDPI(t *testing.T) {
	spec := pageSpec{w: 1240, h: 1754, xHeight: 10, pitch: 30, margin: 100, paper: 230, ink: 40, stroke: 2, seed: 3}
	g := makePage(spec).g
	for _, tc := range []struct {
		dpi, upscale float64
	}{{300, 1}, {150, 2}} {
		res, err := Clean(context.Background(), g, Options{DPI: tc.dpi})
		if err != nil {
			t.Fatal(err)
		}
		m := res.Metrics
		if m.DPI != tc.dpi || math.Abs(m.Upscale-tc.upscale) > 0.01 {
			t.Errorf("given %v dpi: got dpi %.0f, upscale %.2f; want %v and %v", tc.dpi, m.DPI, m.Upscale, tc.dpi, tc.upscale)
		}
		if m.TextDPI > 200 {
			t.Errorf("given %v dpi: text size reads as %.0f dpi, want the small type's low reading", tc.dpi, m.TextDPI)
		}
	}
}
