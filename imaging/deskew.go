package imaging

import (
	"image"
	"math"
)

// DefaultMaxSkew is the largest skew, in degrees, DetectSkew looks for.
const DefaultMaxSkew = 10

// analysisWidth is the width pages are reduced to for measuring: about 150 dpi for A4, enough to
// resolve 0.1° over a line and cheap enough to try many angles.
const analysisWidth = 1240

// analysis is a reduced, binarised copy of a page used to measure it.
type analysis struct {
	bin    *image.Gray // 0 = ink
	factor int         // page pixels per analysis pixel
	ink    []inkRow    // ink pixel x positions, row by row
}

type inkRow struct {
	y  int
	xs []int32
}

func newAnalysis(g *image.Gray) *analysis {
	f := max(1, (g.Rect.Dx()+analysisWidth/2)/analysisWidth)
	small := downscaleMean(g, f)
	// Flattening makes the paper white everywhere, so one global threshold separates the ink:
	// cheaper than Sauvola, and measuring only needs most of the ink, not all of it.
	bin := FlattenBackground(small, max(9, 300/(6*f)))
	thr := inkThreshold(histogram(bin))
	a := &analysis{bin: bin, factor: f}
	w, h := bin.Rect.Dx(), bin.Rect.Dy()
	all := make([]int32, 0, w*h/8)
	for y := 0; y < h; y++ {
		line := bin.Pix[y*bin.Stride:][:w]
		start := len(all)
		for x, v := range line {
			if v < thr {
				all = append(all, int32(x))
			}
		}
		for x, v := range line { // the binary image is kept for measuring line heights
			line[x] = 255
			if v < thr {
				line[x] = 0
			}
		}
		if n := len(all) - start; n > 0 && n < w*9/10 { // skip empty rows and rules/borders
			a.ink = append(a.ink, inkRow{y: y, xs: all[start:len(all):len(all)]})
		} else {
			all = all[:start]
		}
	}
	return a
}

// inkThreshold picks a grey level below which pixels of a flattened page count as ink: Otsu's
// threshold, but never above 200, so that on a blank page paper grain is not taken for ink.
func inkThreshold(hist *[256]int) uint8 {
	var total, sum float64
	for v, c := range hist {
		total += float64(c)
		sum += float64(v * c)
	}
	var wB, sumB, best float64
	thr := 0
	for v, c := range hist {
		wB += float64(c)
		if wB == 0 || wB == total {
			continue
		}
		sumB += float64(v * c)
		mB, mF := sumB/wB, (sum-sumB)/(total-wB)
		if between := wB * (total - wB) * (mB - mF) * (mB - mF); between > best {
			best, thr = between, v+1
		}
	}
	return uint8(min(thr, 200))
}

// DetectSkew estimates how far the text lines of g are rotated counter-clockwise from
// horizontal, in degrees within ±maxDeg, to about 0.05°. Rotate(g, -angle) straightens the page.
//
// It binarises a copy reduced to about 150 dpi and maximises the energy Σp² of the horizontal
// projection profile p of the ink (sharpest when lines are level), searching coarse to fine:
// 0.25° steps over the whole range on a sample of the ink, then 0.05° and 0.01° around the best. It returns 0 when the
// page has too little ink to tell.
func DetectSkew(g *image.Gray, maxDeg float64) float64 {
	return newAnalysis(g).skew(maxDeg)
}

func (a *analysis) skew(maxDeg float64) float64 {
	if maxDeg <= 0 {
		maxDeg = DefaultMaxSkew
	}
	n := 0
	for _, r := range a.ink {
		n += len(r.xs)
	}
	if n < 200 {
		return 0
	}
	p := a.newProfiler(maxDeg)
	// The coarse pass looks at every fourth ink pixel of each row and the finer ones at every
	// other: they only have to rank nearby angles. (Skipping rows instead would empty every
	// other bin at exactly 0° and favour it.)
	best := search(func(d float64) float64 { return p.score(d, 4) }, -maxDeg, maxDeg, 0.25)
	best = search(func(d float64) float64 { return p.score(d, 2) }, best-0.3, best+0.3, 0.05)
	best = search(func(d float64) float64 { return p.score(d, 2) }, best-0.05, best+0.05, 0.01)
	return math.Round(best*100) / 100
}

// profiler computes projection-profile energies, reusing its buffers between angles.
type profiler struct {
	a    *analysis
	pad  int
	prof []int32
	off  []int32
}

func (a *analysis) newProfiler(maxDeg float64) *profiler {
	w, h := a.bin.Rect.Dx(), a.bin.Rect.Dy()
	pad := int(float64(w)*math.Tan(math.Abs(maxDeg)*math.Pi/180)) + 2
	// Profile bins are half an analysis pixel high so small angle changes still move ink.
	return &profiler{a: a, pad: pad, prof: make([]int32, 2*(h+2*pad)+1), off: make([]int32, w)}
}

// score returns Σp² of the profile taken along lines rotated deg counter-clockwise, using
// every step-th ink pixel of each row.
func (p *profiler) score(deg float64, step int) float64 {
	t := math.Tan(deg * math.Pi / 180)
	for x := range p.off {
		p.off[x] = int32(math.Round(2 * (float64(x)*t + float64(p.pad))))
	}
	clear(p.prof)
	for _, r := range p.a.ink {
		base := int32(2 * r.y)
		for k := 0; k < len(r.xs); k += step {
			p.prof[base+p.off[r.xs[k]]]++
		}
	}
	// Each pixel is one analysis pixel tall: it covers two half-pixel bins, the one counted
	// above and the next. (Filling only one would leave every other bin empty at exactly 0°
	// and favour it.) So bin i holds the starts counted at i and at i−1.
	var e float64
	prev := int32(0)
	for _, c := range p.prof {
		v := c + prev
		e += float64(v) * float64(v)
		prev = c
	}
	return e
}

// search returns the argument in [lo, hi] (stepping by step) where f is largest.
func search(f func(float64) float64, lo, hi, step float64) float64 {
	best, bestV := lo, math.Inf(-1)
	n := int(math.Round((hi - lo) / step))
	for i := 0; i <= n; i++ {
		x := lo + float64(i)*step
		if v := f(x); v > bestV {
			best, bestV = x, v
		}
	}
	return best
}

// Rotate turns g counter-clockwise by deg degrees about its centre with bilinear interpolation,
// keeping its size and filling uncovered corners with white. It is hand-written on the Pix
// slice in 16.16 fixed point: dimg.Rotate would convert the page to NRGBA (4× the memory)
// and enlarge the canvas.
func Rotate(g *image.Gray, deg float64) *image.Gray { return rotateFill(g, deg, 255) }

// rotateFill is Rotate with the uncovered corners filled with grey level fill. Clean fills
// with the paper's own level so the corners do not make edges that binarise as lines.
func rotateFill(g *image.Gray, deg float64, fill uint8) *image.Gray {
	if deg == 0 || math.IsNaN(deg) {
		return cloneGray(g)
	}
	w, h := g.Rect.Dx(), g.Rect.Dy()
	dst := image.NewGray(image.Rect(0, 0, w, h))
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w-1)/2, float64(h-1)/2
	const one = 1 << 16
	src := g.Pix[g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y):]
	stride := g.Stride
	// Source of destination (x, y), for an image shown with y down and a counter-clockwise
	// turn on screen: sx = cx + (x−cx)cos − (y−cy)sin, sy = cy + (x−cx)sin + (y−cy)cos.
	dxX, dyX := int64(cos*one), int64(sin*one)
	for y := 0; y < h; y++ {
		fy := float64(y) - cy
		sx := int64((cx - cx*cos - fy*sin) * one)
		sy := int64((cy - cx*sin + fy*cos) * one)
		out := dst.Pix[y*dst.Stride:][:w]
		x0, x1 := interiorSpan(sx, sy, dxX, dyX, w, h)
		for x := 0; x < x0; x++ {
			out[x] = edgeSample(src, stride, w, h, sx+int64(x)*dxX, sy+int64(x)*dyX, fill)
		}
		for x := x1; x < w; x++ {
			out[x] = edgeSample(src, stride, w, h, sx+int64(x)*dxX, sy+int64(x)*dyX, fill)
		}
		// Between x0 and x1 all four neighbours are inside: no checks in this loop.
		sx += int64(x0) * dxX
		sy += int64(x0) * dyX
		for x := x0; x < x1; x++ {
			fx, fy := uint32(sx>>8)&0xff, uint32(sy>>8)&0xff
			i := int(sy>>16)*stride + int(sx>>16)
			p := src[i : i+2 : i+2]
			q := src[i+stride : i+stride+2 : i+stride+2]
			top := uint32(p[0])*(256-fx) + uint32(p[1])*fx
			bot := uint32(q[0])*(256-fx) + uint32(q[1])*fx
			out[x] = uint8((top*(256-fy) + bot*fy + 1<<15) >> 16)
			sx += dxX
			sy += dyX
		}
	}
	return dst
}

// interiorSpan returns the range [x0, x1) of destination columns whose source point
// (sx + x·dx, sy + x·dy) has all four bilinear neighbours inside a w×h image.
func interiorSpan(sx, sy, dx, dy int64, w, h int) (int, int) {
	inside := func(x int) bool {
		ix, iy := (sx+int64(x)*dx)>>16, (sy+int64(x)*dy)>>16
		return ix >= 0 && iy >= 0 && ix < int64(w-1) && iy < int64(h-1)
	}
	// The source moves along a straight line, so the inside columns are one contiguous run.
	// Find one inside column by sampling, then widen it with binary searches.
	mid := -1
	for x := 0; x < w; x += max(1, w/64) {
		if inside(x) {
			mid = x
			break
		}
	}
	if mid < 0 {
		for x := 0; x < w; x++ {
			if inside(x) {
				mid = x
				break
			}
		}
		if mid < 0 {
			return w, w
		}
	}
	lo, hi := 0, mid // first inside column in [lo, mid]
	for lo < hi {
		m := (lo + hi) / 2
		if inside(m) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	x0 := lo
	lo, hi = mid, w // first outside column after mid
	for lo < hi {
		m := (lo + hi) / 2
		if inside(m) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return x0, lo
}

// edgeSample interpolates near or beyond the border, treating outside pixels as fill.
func edgeSample(src []uint8, stride, w, h int, sx, sy int64, fill uint8) uint8 {
	ix, iy := int(sx>>16), int(sy>>16)
	if ix < -1 || iy < -1 || ix >= w || iy >= h {
		return fill
	}
	fx, fy := uint32(sx&0xffff)>>8, uint32(sy&0xffff)>>8
	at := func(x, y int) uint32 {
		if x < 0 || y < 0 || x >= w || y >= h {
			return uint32(fill)
		}
		return uint32(src[y*stride+x])
	}
	top := at(ix, iy)*(256-fx) + at(ix+1, iy)*fx
	bot := at(ix, iy+1)*(256-fx) + at(ix+1, iy+1)*fx
	return uint8((top*(256-fy) + bot*fy + 1<<15) >> 16)
}
