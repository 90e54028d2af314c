package photo

import (
	"image"
	"math"
)

// field is a smooth vertical displacement over a page, on a grid of nx×ny knots spaced su×sv
// output pixels apart: the page's row v at column u is read from row v + d(u, v) of the
// perspective-corrected page.
type field struct {
	nx, ny     int
	su, sv     float64 // knot spacing
	offU, offV float64 // position of the first knot
	d          []float64
}

func (f *field) row(v float64, out []float64) {
	if f == nil {
		clear(out)
		return
	}
	fy := max(0, min(float64(f.ny-1), (v-f.offV)/f.sv))
	j := min(int(fy), f.ny-2)
	t := fy - float64(j)
	if f.ny == 1 {
		j, t = 0, 0
	}
	for i := range f.nx {
		a := f.d[j*f.nx+i]
		b := a
		if f.ny > 1 {
			b = f.d[(j+1)*f.nx+i]
		}
		out[i] = a + (b-a)*t
	}
}

// remap makes the w×h page: for each pixel, the displacement moves it along the page, the
// homography takes it into src, and src is sampled bilinearly. Outside src is fill.
func remap(src *image.Gray, h homography, f *field, w, hh int, fill uint8) *image.Gray {
	dst := image.NewGray(image.Rect(0, 0, w, hh))
	sw, sh := src.Rect.Dx(), src.Rect.Dy()
	nx := 1
	if f != nil {
		nx = f.nx
	}
	knots := make([]float64, nx)
	disp := make([]float64, w)
	base := src.PixOffset(src.Rect.Min.X, src.Rect.Min.Y)
	for v := range hh {
		f.row(float64(v)+0.5, knots)
		if f != nil {
			for u := range w {
				fx := max(0, min(float64(f.nx-1), (float64(u)+0.5-f.offU)/f.su))
				i := min(int(fx), f.nx-2)
				if f.nx == 1 {
					disp[u] = knots[0]
					continue
				}
				t := fx - float64(i)
				disp[u] = knots[i] + (knots[i+1]-knots[i])*t
			}
		}
		row := dst.Pix[v*dst.Stride:][:w]
		for u := range w {
			x, y := h.apply(float64(u)+0.5, float64(v)+0.5+disp[u])
			x, y = x-0.5, y-0.5
			if !(x >= 0 && y >= 0 && x < float64(sw-1) && y < float64(sh-1)) {
				row[u] = fill
				continue
			}
			xi, yi := int(x), int(y)
			fx, fy := uint32((x-float64(xi))*256), uint32((y-float64(yi))*256)
			o := base + yi*src.Stride + xi
			p := src.Pix[o:]
			q := src.Pix[o+src.Stride:]
			top := uint32(p[0])*(256-fx) + uint32(p[1])*fx
			bot := uint32(q[0])*(256-fx) + uint32(q[1])*fx
			row[u] = uint8((top*(256-fy) + bot*fy + 1<<15) >> 16)
		}
	}
	return dst
}

// warpQuad rectifies quad q of src to a w×h image without displacement (for proxies).
func warpQuad(src *image.Gray, q Quad, w, h int) (*image.Gray, homography, bool) {
	hm, ok := rectToQuad(float64(w), float64(h), q)
	if !ok {
		return nil, hm, false
	}
	return remap(src, hm, nil, w, h, 255), hm, true
}

// paperSize is the output size of a page at 300 dpi: the A-series shape (1:√2) when the page
// is near it, else its own aspect; A4 unless the photo holds more detail than A4 at 300 dpi
// needs, or the caller says A3.
func paperSize(wPx, hPx float64, paper string) (int, int) {
	const a4w, a4h = 2480.0, 3508.0
	long, short := a4h, a4w
	if paper == "A3" || (paper == "" && wPx*hPx > a4w*a4h*1.41) {
		long, short = 4961, 3508
	}
	aspect := hPx / wPx
	if landscape := aspect < 1; landscape {
		if math.Abs(1/aspect-math.Sqrt2)/math.Sqrt2 < 0.15 {
			return int(long), int(short)
		}
		return int(long), int(long * aspect)
	}
	if math.Abs(aspect-math.Sqrt2)/math.Sqrt2 < 0.15 {
		return int(short), int(long)
	}
	return int(long / aspect), int(long)
}
