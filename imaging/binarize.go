package imaging

import (
	"image"
	"math"
)

// Sauvola default parameters for pages at about 300 dpi.
const (
	DefaultSauvolaK = 0.2
	DefaultSauvolaR = 128
)

// Sauvola binarises g with Sauvola's local threshold T = m·(1 + k·(s/r − 1)), where m and s are
// the mean and standard deviation of the window×window neighbourhood (clipped at the edges).
// Ink becomes 0 and paper 255. It holds up on faded and unevenly lit paper because the
// threshold follows the local paper level and only drops where there is local contrast.
//
// Window sums come from an integral image kept a row at a time: running column sums over the
// vertical window, then a prefix sum along the row, so each pixel costs O(1) whatever the window,
// and memory is O(width) instead of two full-page uint64 tables. Squares are summed in uint64.
// The threshold is evaluated once per 2×2 block, at its top-left pixel: m and s barely change
// over one pixel when the window is 30 wide, and it quarters the floating-point work.
func Sauvola(g *image.Gray, window int, k, r float64) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	dst := image.NewGray(image.Rect(0, 0, w, h))
	if w == 0 || h == 0 {
		return dst
	}
	rad := max(1, window/2)
	row := func(y int) []uint8 { return g.Pix[g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+y):][:w] }

	colSum := make([]uint32, w) // Σv over rows [y-rad, y+rad]
	colSq := make([]uint64, w)  // Σv² over the same rows
	pSum := make([]int64, w+1)  // prefix sums of colSum along the row: one integral-image row
	pSq := make([]int64, w+1)   // prefix sums of colSq
	thr := make([]int16, (w+1)/2)
	addRow := func(y int, sign int) {
		if y < 0 || y >= h {
			return
		}
		src := row(y)[:len(colSum)]
		cq := colSq[:len(src)]
		if sign > 0 {
			for x, v := range src {
				colSum[x] += uint32(v)
				cq[x] += uint64(v) * uint64(v)
			}
		} else {
			for x, v := range src {
				colSum[x] -= uint32(v)
				cq[x] -= uint64(v) * uint64(v)
			}
		}
	}
	for y := 0; y < rad; y++ {
		addRow(y, 1)
	}
	kr := k / r
	oneMinusK := 1 - k
	for y := 0; y < h; y += 2 {
		// Slide the window to rows [y-rad, y+rad].
		if y > 0 {
			addRow(y+rad-1, 1)
			addRow(y-rad-2, -1)
		}
		addRow(y+rad, 1)
		addRow(y-rad-1, -1)
		var s, q int64
		ps, pq := pSum[1:w+1], pSq[1:w+1]
		cq := colSq[:w]
		for x, c := range colSum[:w] {
			s += int64(c)
			q += int64(cq[x])
			ps[x], pq[x] = s, q
		}
		rows := float64(min(h, y+rad+1) - max(0, y-rad))
		for i := range thr {
			x := 2 * i
			lo, hi := max(0, x-rad), min(w, x+rad+1)
			inv := 1 / (rows * float64(hi-lo))
			mean := float64(pSum[hi]-pSum[lo]) * inv
			variance := float64(pSq[hi]-pSq[lo])*inv - mean*mean
			if variance < 0 { // rounding on flat areas
				variance = 0
			}
			// Ink is v ≤ T; v is whole, so compare with ⌊T⌋. T ≥ 0 here, so truncation is
			// the floor. (Go's float min, max and Floor are slow; plain comparisons are not.)
			t := mean * (oneMinusK + kr*math.Sqrt(variance))
			if t > 255 {
				t = 255
			}
			thr[i] = int16(t)
		}
		for yy := y; yy < min(y+2, h); yy++ {
			src := row(yy)
			out := dst.Pix[yy*dst.Stride:][:w]
			for x, v := range src {
				var o uint8 = 255
				if int16(v) <= thr[x>>1] {
					o = 0
				}
				out[x] = o
			}
		}
	}
	return dst
}
