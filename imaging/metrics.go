package imaging

import (
	"image"
	"math"
	"slices"
)

const metricTile = 64

// BlurScore measures sharpness as the variance of the Laplacian, computed per 64×64 tile and
// averaged over the 10% most detailed tiles, so a page with little writing is not mistaken for
// a blurred one. Measure it on a contrast-stretched page near 300 dpi: sharp text scores in the
// thousands, text blurred past reading below about 150.
func BlurScore(g *image.Gray) float64 {
	vars := tileStats(g, opLaplacian, 2)
	if len(vars) == 0 {
		return 0
	}
	slices.Sort(vars)
	top := vars[len(vars)*9/10:]
	s := 0.0
	for _, v := range top {
		s += v
	}
	return s / float64(len(top))
}

// NoiseSigma estimates the standard deviation of pixel noise with Immerkær's operator (a
// difference of two Laplacians that cancels smooth shading), taking the 10th percentile over
// 64×64 tiles so that text edges, which make some tiles busy, do not count as noise.
func NoiseSigma(g *image.Gray) float64 {
	means := tileStats(g, opImmerkaer, 4)
	if len(means) == 0 {
		return 0
	}
	slices.Sort(means)
	return means[len(means)/10] * math.Sqrt(math.Pi/2) / 6
}

const (
	opLaplacian = iota // per tile: variance of the 4-neighbour Laplacian
	opImmerkaer        // per tile: mean absolute response of Immerkær's noise mask
)

// tileStats applies a 3×3 operator to the interior pixels of every rowStep-th row (a sample is
// plenty for a statistic) and returns one statistic per tile. The operator is chosen per row,
// outside the pixel loop, to keep that loop free of calls.
func tileStats(g *image.Gray, op, rowStep int) []float64 {
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
			var s, q int32
			if x0 < x1 {
				switch op {
				case opLaplacian:
					s, q = laplacianSpan(up, r, down, x0, x1)
				case opImmerkaer:
					s = immerkaerSpan(up, r, down, x0, x1)
				}
			}
			sum[t] += int64(s)
			sq[t] += int64(q)
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

// laplacianSpan returns the sum and the sum of squares of the 4-neighbour Laplacian over
// columns [x0, x1) of row r. int32 is enough: |v| ≤ 1020, and a span is one tile wide.
// Each neighbour gets its own slice of the span's length, so the loop has no bounds checks.
func laplacianSpan(up, r, down []uint8, x0, x1 int) (s, q int32) {
	c := r[x0:x1]
	n := len(c)
	u, d, left, right := up[x0:][:n], down[x0:][:n], r[x0-1:][:n], r[x0+1:][:n]
	for x, v := range c {
		l := int32(u[x]) + int32(d[x]) + int32(left[x]) + int32(right[x]) - 4*int32(v)
		s += l
		q += l * l
	}
	return s, q
}

// immerkaerSpan returns the sum of absolute responses of Immerkær's noise mask over columns
// [x0, x1) of row r, laid out like laplacianSpan.
func immerkaerSpan(up, r, down []uint8, x0, x1 int) (s int32) {
	c := r[x0:x1]
	n := len(c)
	u, d, left, right := up[x0:][:n], down[x0:][:n], r[x0-1:][:n], r[x0+1:][:n]
	ul, ur, dl, dr := up[x0-1:][:n], up[x0+1:][:n], down[x0-1:][:n], down[x0+1:][:n]
	for x, v := range c {
		m := int32(ul[x]) + int32(ur[x]) + int32(dl[x]) + int32(dr[x]) -
			2*(int32(u[x])+int32(d[x])+int32(left[x])+int32(right[x])) + 4*int32(v)
		s += max(m, -m)
	}
	return s
}
