package photo

import (
	"image"
	"math"
)

// Dewarping: the lines of a page curled towards the gutter bow up or down. On the
// perspective-corrected proxy, the page is cut into vertical strips and horizontal bands; in
// each band, a strip's row profile of ink (the ruling and the text lines) is compared with its
// neighbour's to find how far the lines moved between them. Chaining the moves from a strip
// away from the gutter across the page gives the displacement of every band of every strip:
// a smooth field, which the remap undoes.

const (
	dewarpStrips = 24
	dewarpBands  = 12
	dewarpReach  = 4 // largest move between neighbouring strips, in proxy pixels
)

// estimateField measures the displacement of the proxy page g (in its pixels) and returns it
// scaled to an output page of outW×outH. ref is the fraction of the width where the lines are
// taken as straight (away from the gutter).
func estimateField(g *image.Gray, ref float64, outW, outH int) *field {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	if w < dewarpStrips*4 || h < dewarpBands*8 {
		return nil
	}
	ink := inkMap(g)
	sw := float64(w) / dewarpStrips
	prof := make([][][]float64, dewarpStrips) // strip → band → profile over the band's rows (with reach margin)
	energy := make([][]float64, dewarpStrips)
	bh := float64(h) / dewarpBands
	for s := range dewarpStrips {
		prof[s] = make([][]float64, dewarpBands)
		energy[s] = make([]float64, dewarpBands)
		x0, x1 := int(float64(s)*sw), int(float64(s+1)*sw)
		for b := range dewarpBands {
			y0, y1 := int(float64(b)*bh)-bh2(bh), int(float64(b+1)*bh)+bh2(bh)
			p := make([]float64, 0, y1-y0)
			e := 0.0
			for y := y0; y < y1; y++ {
				v := 0.0
				if y >= 0 && y < h {
					for _, iv := range ink[y*w+x0 : y*w+x1] {
						v += float64(iv)
					}
				}
				p = append(p, v)
				e += v * v
			}
			prof[s][b], energy[s][b] = p, e
		}
	}
	r := max(0, min(dewarpStrips-1, int(ref*dewarpStrips)))
	shift := make([]float64, dewarpStrips*dewarpBands)
	col := make([][]float64, dewarpStrips)
	ecol := make([]float64, dewarpStrips)
	for b := range dewarpBands {
		for s := range dewarpStrips {
			col[s], ecol[s] = prof[s][b], energy[s][b]
		}
		chainBand(col, ecol, r, shift[b*dewarpStrips:(b+1)*dewarpStrips], dewarpReach)
	}
	smooth(shift, dewarpStrips, dewarpBands)
	k := float64(outH) / float64(h)
	f := &field{nx: dewarpStrips, ny: dewarpBands, su: float64(outW) / dewarpStrips, sv: float64(outH) / dewarpBands,
		d: make([]float64, len(shift))}
	for i, v := range shift {
		f.d[i] = v * k
	}
	return f.centred()
}

// centred shifts the knot grid by half a cell, since measurements belong to cell centres. The
// knots beyond each side continue the slope of the last two cells rather than repeating the
// last one: the lines bow most at the top and bottom of the page and right at the gutter, the
// half cells a clamped field would leave bent.
func (f *field) centred() *field {
	g := *f
	g.nx, g.ny = f.nx+2, f.ny+2
	g.d = make([]float64, g.nx*g.ny)
	at := func(i, j int) float64 { // f at cell (i, j), continued linearly one cell beyond each side
		ext := func(k, n int) (int, int, float64) {
			switch {
			case n < 2 || (k >= 0 && k < n):
				return max(0, min(n-1, k)), max(0, min(n-1, k)), 0
			case k < 0:
				return 0, 1, -1
			default:
				return n - 1, n - 2, -1
			}
		}
		i0, i1, wi := ext(i, f.nx)
		j0, j1, wj := ext(j, f.ny)
		v := func(i, j int) float64 { return f.d[j*f.nx+i] }
		// (1−w)·near + w·far with w = −1: 2·near − far, one cell beyond, in each direction.
		return (1-wi)*(1-wj)*v(i0, j0) + wi*(1-wj)*v(i1, j0) + (1-wi)*wj*v(i0, j1) + wi*wj*v(i1, j1)
	}
	for j := range g.ny {
		for i := range g.nx {
			g.d[j*g.nx+i] = at(i-1, j-1)
		}
	}
	// Knot i of g is at (i-0.5)·su: cell centres, plus one beyond each side.
	g.offU, g.offV = -0.5*f.su, -0.5*f.sv
	return &g
}

func bh2(bh float64) int { return int(bh / 4) }

// chainBand sets shift[s], how far the lines of strip s sit below those of the reference strip
// r, for every strip of one band: outwards from r, each strip is compared with the last strip
// measured, not merely its neighbour, so that an empty strip (a blank column, a gap in the
// writing) does not break the chain and lose the move across it. Strips with nothing to
// measure get the move interpolated between their measured neighbours.
func chainBand(prof [][]float64, energy []float64, r int, shift []float64, reach int) {
	n := len(prof)
	known := make([]bool, n)
	known[r] = true
	for _, step := range []int{1, -1} {
		last, slope := r, 0.0 // slope: the last move measured, per strip
		for s := r + step; s >= 0 && s < n; s += step {
			if energy[s] < 1e-6 {
				continue
			}
			if energy[last] < 1e-6 { // the reference itself is empty: start from here
				shift[s], known[s], last = shift[last], true, s
				continue
			}
			gap := (s - last) * step
			// Near the gutter the lines bend faster from strip to strip than reach allows: look
			// around the move the last step suggests, not around no move at all.
			m, ok := bestMove(prof[last], prof[s], energy[last], energy[s], int(math.Round(slope*float64(gap))), min(reach*gap, 3*reach))
			if ok {
				shift[s], known[s], last, slope = shift[last]+m, true, s, m/float64(gap)
			}
		}
	}
	fillUnknown(shift, known)
}

// fillUnknown interpolates v linearly over the entries not known, between the known ones on
// either side (or copies the nearest one at the ends).
func fillUnknown(v []float64, known []bool) {
	prev := -1
	for i := range v {
		if !known[i] {
			continue
		}
		for j := prev + 1; j < i; j++ {
			if prev < 0 {
				v[j] = v[i]
			} else {
				v[j] = v[prev] + (v[i]-v[prev])*float64(j-prev)/float64(i-prev)
			}
		}
		prev = i
	}
	for j := prev + 1; j < len(v) && prev >= 0; j++ {
		v[j] = v[prev]
	}
}

// bestMove is how far the lines in b sit below those in a (b(y+d) ≈ a(y)), to a tenth of a
// pixel, looking within reach pixels of the move centre; false when either profile is too empty
// or the lines too unlike to say.
func bestMove(a, b []float64, ea, eb float64, centre, reach int) (float64, bool) {
	lim := (len(a) - 1) / 3 // the largest move the profiles' margins leave room for
	reach = min(reach, lim)
	centre = max(-lim+reach, min(lim-reach, centre))
	if ea < 1e-6 || eb < 1e-6 || reach < 1 {
		return 0, false
	}
	sc := make([]float64, 2*reach+1)
	best, bi := -1.0, reach
	far := abs(centre) + reach
	for k := range sc {
		d := centre + k - reach
		s := 0.0
		for y := far; y < len(a)-far; y++ {
			s += a[y] * b[y+d]
		}
		s /= math.Sqrt(ea * eb)
		sc[k] = s
		if s > best {
			best, bi = s, k
		}
	}
	if best < 0.3 {
		return 0, false
	}
	off := 0.0
	if bi > 0 && bi < 2*reach {
		l, c, r := sc[bi-1], sc[bi], sc[bi+1]
		if den := l - 2*c + r; den < 0 {
			off = 0.5 * (l - r) / den
		}
	}
	return float64(centre+bi-reach) + off, true
}

// smooth averages each value with its neighbours along the page, twice: across strips only,
// as the bands at the top and bottom bend most and must keep their own measure.
func smooth(v []float64, nx, ny int) {
	tmp := make([]float64, len(v))
	for range 2 {
		for j := range ny {
			for i := range nx {
				s, n := 2*v[j*nx+i], 2.0
				if i > 0 {
					s, n = s+v[j*nx+i-1], n+1
				}
				if i < nx-1 {
					s, n = s+v[j*nx+i+1], n+1
				}
				tmp[j*nx+i] = s / n
			}
		}
		copy(v, tmp)
	}
}

// inkMap is how much darker than the paper around it each pixel is (0 on paper).
func inkMap(g *image.Gray) []uint8 {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	bg := rankFilter(g, 3, true)
	out := make([]uint8, w*h)
	for y := range h {
		for x := range w {
			p, b := int(g.Pix[y*g.Stride+x]), int(bg.Pix[y*bg.Stride+x])
			if d := b - p; d > b/6 {
				out[y*w+x] = uint8(min(255, d))
			}
		}
	}
	return out
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
