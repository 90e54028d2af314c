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
	zero := make([]uint8, w) // stands for rows outside the image, which add nothing
	row := func(y int) []uint8 {
		if y < 0 || y >= h {
			return zero
		}
		return g.Pix[g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+y):][:w]
	}

	colSum := make([]uint32, w)     // Σv over rows [y-rad, y+rad]
	colSq := make([]uint64, w)      // Σv² over the same rows
	pSum := make([]int64, w+1)      // prefix sums of colSum along the row: one integral-image row
	pSq := make([]int64, w+1)       // prefix sums of colSq
	thr := make([]uint8, w+1)       // each block's threshold, once per pixel
	inv := make([]float64, (w+1)/2) // 1/area of each block's window, for rows invRows high
	invRows := 0.0
	for y := 0; y < rad; y++ {
		slideColumns(colSum, colSq, row(y), zero, zero, zero)
	}
	kr := k / r
	oneMinusK := 1 - k
	for y := 0; y < h; y += 2 {
		// Slide the window to rows [y-rad, y+rad] and take the prefix sums in the same pass.
		in1 := zero // row y+rad-1 is already in at y = 0
		if y > 0 {
			in1 = row(y + rad - 1)
		}
		slideColumns(colSum, colSq, in1, row(y+rad), row(y-rad-2), row(y-rad-1))
		prefixSums(pSum[1:], pSq[1:], colSum, colSq)
		if rows := float64(min(h, y+rad+1) - max(0, y-rad)); rows != invRows {
			// The window's area changes only near the edges: divide once per distinct size.
			invRows = rows
			for i := range inv {
				x := 2 * i
				inv[i] = 1 / (rows * float64(min(w, x+rad+1)-max(0, x-rad)))
			}
		}
		blockThresholds(thr, inv, pSum, pSq, rad, w, oneMinusK, kr)
		for yy := y; yy < min(y+2, h); yy++ {
			thresholdRow(dst.Pix[yy*dst.Stride:][:w], row(yy), thr[:w])
		}
	}
	return dst
}

// blockThresholds sets the Sauvola threshold of each 2×2 block of the row pair, from the
// window sums pSum and pSq and the inverse window areas inv; T = m·(1-k + k/r·s).
func blockThresholds(thr []uint8, inv []float64, pSum, pSq []int64, rad, w int, oneMinusK, kr float64) {
	for i := range inv {
		x := 2 * i
		lo, hi := max(0, x-rad), min(w, x+rad+1)
		inv := inv[i]
		mean := float64(pSum[hi]-pSum[lo]) * inv
		variance := float64(pSq[hi]-pSq[lo])*inv - mean*mean
		if variance < 0 { // rounding on flat areas
			variance = 0
		}
		// Ink is v ≤ T; v is whole, so compare with ⌊T⌋, clamped to a grey level; for
		// T ≥ 0 truncation is the floor. T < 0 only with k > 1, where it keeps just pure
		// black. (Go's float min, max and Floor are slow; plain comparisons are not.)
		t := mean * (oneMinusK + kr*math.Sqrt(variance))
		if t > 255 {
			t = 255
		} else if t < 0 {
			t = 0
		}
		thr[x], thr[x+1] = uint8(t), uint8(t)
	}
}

// slideColumns adds rows a and b to the column sums and squares and removes rows c and d.
// Unsigned wrap-around is harmless: every true sum is non-negative.
func slideColumns(sum []uint32, sq []uint64, a, b, c, d []uint8) {
	sq = sq[:len(sum)]
	a, b, c, d = a[:len(sum)], b[:len(sum)], c[:len(sum)], d[:len(sum)]
	for x := range sum {
		va, vb, vc, vd := uint32(a[x]), uint32(b[x]), uint32(c[x]), uint32(d[x])
		sum[x] += va + vb - vc - vd
		sq[x] += uint64(va*va+vb*vb) - uint64(vc*vc+vd*vd)
	}
}

// prefixSums sets ps[x] and pq[x] to the sums of sum[0..x] and sq[0..x].
func prefixSums(ps, pq []int64, sum []uint32, sq []uint64) {
	ps, pq, sq = ps[:len(sum)], pq[:len(sum)], sq[:len(sum)]
	var s, q int64
	for x, c := range sum {
		s += int64(c)
		q += int64(sq[x])
		ps[x], pq[x] = s, q
	}
}

// thresholdRowGo is the portable thresholdRow: 0 where src is at or below thr, 255 elsewhere,
// without branches.
func thresholdRowGo(out, src, thr []uint8) {
	src, thr = src[:len(out)], thr[:len(out)]
	for i, v := range src {
		// t − v < 0, that is paper, gives all ones in the sign bits.
		out[i] = uint8((int32(thr[i]) - int32(v)) >> 31)
	}
}
