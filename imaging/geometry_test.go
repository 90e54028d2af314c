package imaging

import (
	"context"
	"image"
	"math"
	"testing"

	dimg "github.com/disintegration/imaging"
)

// skewedScan is a page of pseudo-text turned by deg, scanned at half resolution (150 dpi, so
// Clean upscales it) with a dark scanner band on the left and top.
func skewedScan(t *testing.T, deg float64) *image.Gray {
	t.Helper()
	p := makePage(defaultSpec(1600, 2000))
	g := rotatePage(t, p.g, deg, 235)
	small := toGrayFast(dimg.Resize(g, 800, 1000, dimg.Linear))
	out := image.NewGray(image.Rect(0, 0, 860, 1040))
	for i := range out.Pix {
		out.Pix[i] = 20
	}
	for y := range 1000 {
		copy(out.Pix[out.PixOffset(60, 40+y):], small.Pix[small.PixOffset(0, y):][:800])
	}
	return out
}

func TestGeometryMapsCleanedToOriginal(t *testing.T) {
	for _, deg := range []float64{0, 2.5, -4} {
		in := skewedScan(t, deg)
		res, err := Clean(context.Background(), in, Options{DPI: 150})
		if err != nil {
			t.Fatal(err)
		}
		geo := res.Geometry
		turned := geo.Turn == 0 && math.Abs(res.Metrics.SkewDegrees) < 0.05 || math.Abs(geo.Turn+res.Metrics.SkewDegrees) < 1e-9
		if geo.ScaleX < 1.5 || geo.Crop.Min.X < 40 || !turned || deg != 0 && geo.Turn == 0 {
			t.Fatalf("deg %v: geometry %+v: want an upscale, a crop of the band and the turn recorded", deg, geo)
		}
		// Every ink pixel of the cleaned page lands on ink of the original.
		hit, n := 0, 0
		for y := 0; y < res.Binary.Rect.Dy(); y += 3 {
			for x := 0; x < res.Binary.Rect.Dx(); x += 3 {
				if res.Binary.Pix[res.Binary.PixOffset(x, y)] != 0 {
					continue
				}
				n++
				ox, oy := geo.ToOriginal(float64(x), float64(y))
				if darkNear(in, int(math.Round(ox)), int(math.Round(oy)), 1) {
					hit++
				}
			}
		}
		if n < 1000 || float64(hit) < 0.97*float64(n) {
			t.Errorf("deg %v: %d of %d cleaned ink pixels map onto original ink, want ≥ 97%%", deg, hit, n)
		}
		// A crop cut from the original at the mapped box holds what the cleaned crop shows.
		for _, box := range []image.Rectangle{image.Rect(300, 400, 700, 520), image.Rect(900, 1300, 1400, 1500)} {
			orig := geo.BoxToOriginal(box)
			cut := in.SubImage(orig).(*image.Gray)
			if r := cropCorrelation(res.Gray, box, cut, geo); r < 0.8 {
				t.Errorf("deg %v box %v → %v: correlation %.2f between cleaned crop and original crop, want ≥ 0.8", deg, box, orig, r)
			}
		}
	}
}

func TestGeometryIdentityWhenKept(t *testing.T) {
	in := skewedScan(t, 2)
	res, err := Clean(context.Background(), in, Options{DPI: 150, KeepGeometry: true})
	if err != nil {
		t.Fatal(err)
	}
	b := image.Rect(10, 20, 300, 400)
	if got := res.Geometry.BoxToOriginal(b); got != b {
		t.Fatalf("got %v, want %v unchanged", got, b)
	}
}

func darkNear(g *image.Gray, x, y, r int) bool {
	for dy := -r; dy <= r; dy++ {
		for dx := -r; dx <= r; dx++ {
			if p := image.Pt(x+dx, y+dy); p.In(g.Rect) && g.Pix[g.PixOffset(p.X, p.Y)] < 128 {
				return true
			}
		}
	}
	return false
}

// cropCorrelation samples the original crop at the original position of every pixel of the
// cleaned box (nearest pixel; a point outside the crop counts as paper) and returns the
// correlation of the two darknesses.
func cropCorrelation(clean *image.Gray, box image.Rectangle, cut *image.Gray, geo Geometry) float64 {
	var sa, sb, saa, sbb, sab, n float64
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			a := float64(clean.Pix[clean.PixOffset(x, y)])
			ox, oy := geo.ToOriginal(float64(x), float64(y))
			b := 255.0
			if p := image.Pt(int(math.Round(ox)), int(math.Round(oy))); p.In(cut.Rect) {
				b = float64(cut.Pix[cut.PixOffset(p.X, p.Y)])
			}
			sa, sb, saa, sbb, sab, n = sa+a, sb+b, saa+a*a, sbb+b*b, sab+a*b, n+1
		}
	}
	cov := sab/n - sa/n*sb/n
	return cov / math.Sqrt((saa/n-sa/n*sa/n)*(sbb/n-sb/n*sb/n))
}
