package imaging

// The implementations the fast paths replaced, kept verbatim (renamed) so tests can check
// that the rewrites give the same pixels.

import (
	"bytes"
	"image"
	"math"
)

// sauvolaRef is Sauvola before the rewrite. It binarises g with Sauvola's local threshold T = m·(1 + k·(s/r − 1)), where m and s are
// the mean and standard deviation of the window×window neighbourhood (clipped at the edges).
// Ink becomes 0 and paper 255. It holds up on faded and unevenly lit paper because the
// threshold follows the local paper level and only drops where there is local contrast.
//
// Window sums come from an integral image kept a row at a time: running column sums over the
// vertical window, then a prefix sum along the row, so each pixel costs O(1) whatever the window,
// and memory is O(width) instead of two full-page uint64 tables. Squares are summed in uint64.
// The threshold is evaluated once per 2×2 block, at its top-left pixel: m and s barely change
// over one pixel when the window is 30 wide, and it quarters the floating-point work.
func sauvolaRef(g *image.Gray, window int, k, r float64) *image.Gray {
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

// scoreRef is profiler.score as it was, filling both half-pixel bins per ink pixel.
func (p *profiler) scoreRef(deg float64, step int) float64 {
	t := math.Tan(deg * math.Pi / 180)
	for x := range p.off {
		p.off[x] = int32(math.Round(2 * (float64(x)*t + float64(p.pad))))
	}
	clear(p.prof)
	for _, r := range p.a.ink {
		base := int32(2 * r.y)
		for k := 0; k < len(r.xs); k += step {
			i := base + p.off[r.xs[k]]
			p.prof[i]++
			p.prof[i+1]++
		}
	}
	var e float64
	for _, c := range p.prof {
		e += float64(c) * float64(c)
	}
	return e
}

func tileStatsRef(g *image.Gray, op, rowStep int) []float64 {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	if w < 3 || h < 3 {
		return nil
	}
	tw := (w + metricTile - 1) / metricTile
	sum := make([]int64, tw)
	sq := make([]int64, tw)
	cnt := make([]int64, tw)
	var out []float64
	row := func(y int) []uint8 { return g.Pix[g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+y):][:w] }
	for y := 1; y < h-1; y++ {
		if y%rowStep != 0 && y != h-2 {
			continue
		}
		up, r, down := row(y-1), row(y), row(y+1)
		for t := range tw {
			x0, x1 := max(1, t*metricTile), min(w-1, (t+1)*metricTile)
			var s, q int64
			switch op {
			case opLaplacian:
				for x := x0; x < x1; x++ {
					v := int64(up[x]) + int64(down[x]) + int64(r[x-1]) + int64(r[x+1]) - 4*int64(r[x])
					s += v
					q += v * v
				}
			case opImmerkaer:
				for x := x0; x < x1; x++ {
					v := int64(up[x-1]) + int64(up[x+1]) + int64(down[x-1]) + int64(down[x+1]) -
						2*(int64(up[x])+int64(down[x])+int64(r[x-1])+int64(r[x+1])) + 4*int64(r[x])
					s += max(v, -v)
				}
			}
			sum[t] += s
			sq[t] += q
			cnt[t] += int64(max(0, x1-x0))
		}
		if y%metricTile == metricTile-1 || y == h-2 {
			for t := range tw {
				if cnt[t] == 0 {
					continue
				}
				n := float64(cnt[t])
				m := float64(sum[t]) / n
				if op == opLaplacian {
					out = append(out, float64(sq[t])/n-m*m)
				} else {
					out = append(out, m)
				}
			}
			clear(sum)
			clear(sq)
			clear(cnt)
		}
	}
	return out
}

func boxLineRef(v []int32, step int, tmp []int32, rad int) {
	n := len(tmp)
	for i := range tmp {
		tmp[i] = v[i*step]
	}
	var sum int32
	for i := 0; i < min(rad, n); i++ {
		sum += tmp[i]
	}
	for i := 0; i < n; i++ {
		if j := i + rad; j < n {
			sum += tmp[j]
		}
		if j := i - rad - 1; j >= 0 {
			sum -= tmp[j]
		}
		cnt := int32(min(n, i+rad+1) - max(0, i-rad))
		v[i*step] = (sum + cnt/2) / cnt
	}
}

func despeckleRef(bin *image.Gray, maxSize int) {
	w, h := bin.Rect.Dx(), bin.Rect.Dy()
	if maxSize <= 0 || w == 0 || h == 0 {
		return
	}
	off := func(x, y int) int { return bin.PixOffset(bin.Rect.Min.X+x, bin.Rect.Min.Y+y) }
	black := func(x, y int) bool { return x >= 0 && y >= 0 && x < w && y < h && bin.Pix[off(x, y)] == 0 }
	stack := make([]image.Point, 0, maxSize+1)
	seen := make([]image.Point, 0, maxSize+1)
	for y := 0; y < h; y++ {
		rowOff := off(0, y)
		line := bin.Pix[rowOff : rowOff+w]
		for x := 0; x < w; x++ {
			if line[x] != 0 {
				k := bytes.IndexByte(line[x:], 0) // skip to the next black pixel
				if k < 0 {
					break
				}
				x += k
			}
			if black(x-1, y) || black(x-1, y-1) || black(x, y-1) || black(x+1, y-1) {
				continue
			}
			seen, stack = seen[:0], append(stack[:0], image.Pt(x, y))
			small := true
			for len(stack) > 0 && small {
				p := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if containsPt(seen, p) {
					continue
				}
				seen = append(seen, p)
				if len(seen) > maxSize {
					small = false
					break
				}
				for dy := -1; dy <= 1; dy++ {
					for dx := -1; dx <= 1; dx++ {
						if q := image.Pt(p.X+dx, p.Y+dy); (dx != 0 || dy != 0) && black(q.X, q.Y) && !containsPt(seen, q) {
							stack = append(stack, q)
						}
					}
				}
			}
			if small {
				for _, p := range seen {
					bin.Pix[off(p.X, p.Y)] = 255
				}
			}
		}
	}
}

// divideByRef is divideBy as it was before the background rows were interpolated across once
// per block of rows: it computes min(255, 255·g/bg) where bg is the low-resolution background (one pixel per
// block×block area) upsampled bilinearly on the fly, one row at a time.
func divideByRef(g, low *image.Gray, block, w, h int) *image.Gray {
	dst := image.NewGray(image.Rect(0, 0, w, h))
	lw, lh := low.Rect.Dx(), low.Rect.Dy()
	var recip [256]uint32 // 255·2¹⁶/b, so 255·v/b = v·recip[b] >> 16
	for b := 1; b < 256; b++ {
		recip[b] = (255<<16 + uint32(b)/2) / uint32(b)
	}
	recip[0] = recip[1]
	// Horizontal sample positions and 8-bit weights, the same for every row.
	xi := make([]int32, w)
	xw := make([]uint32, w)
	for x := range w {
		i, f := lowCoord(x, block, lw)
		xi[x], xw[x] = int32(i), f
	}
	rowv := make([]uint32, lw+1)
	for y := 0; y < h; y++ {
		i, fy := lowCoord(y, block, lh)
		r0 := low.Pix[i*low.Stride : i*low.Stride+lw]
		r1 := low.Pix[min(i+1, lh-1)*low.Stride:][:lw]
		for x := range lw {
			rowv[x] = uint32(r0[x])*(256-fy) + uint32(r1[x])*fy
		}
		rowv[lw] = rowv[lw-1]
		src := g.Pix[g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+y):][:w]
		out := dst.Pix[y*dst.Stride : y*dst.Stride+w]
		for x, v := range src {
			j, fx := xi[x], xw[x]
			bg := (rowv[j]*(256-fx) + rowv[j+1]*fx) >> 16
			out[x] = uint8(min(255, (uint32(v)*recip[bg]+1<<15)>>16))
		}
	}
	return dst
}
