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
	for b := range dewarpBands {
		for s := r + 1; s < dewarpStrips; s++ {
			shift[b*dewarpStrips+s] = shift[b*dewarpStrips+s-1] + bestMove(prof[s-1][b], prof[s][b], energy[s-1][b], energy[s][b])
		}
		for s := r - 1; s >= 0; s-- {
			shift[b*dewarpStrips+s] = shift[b*dewarpStrips+s+1] + bestMove(prof[s+1][b], prof[s][b], energy[s+1][b], energy[s][b])
		}
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

// centred shifts the knot grid by half a cell, since measurements belong to cell centres.
func (f *field) centred() *field {
	g := *f
	g.nx, g.ny = f.nx+2, f.ny+2
	g.d = make([]float64, g.nx*g.ny)
	for j := range g.ny {
		for i := range g.nx {
			si, sj := max(0, min(f.nx-1, i-1)), max(0, min(f.ny-1, j-1))
			g.d[j*g.nx+i] = f.d[sj*f.nx+si]
		}
	}
	// Knot i of g is at (i-0.5)·su: cell centres, plus one beyond each side.
	g.offU, g.offV = -0.5*f.su, -0.5*f.sv
	return &g
}

func bh2(bh float64) int { return int(bh / 4) }

// bestMove is how far the lines in b sit below those in a (b(y+d) ≈ a(y)), to a tenth of a
// pixel; 0 when either profile is too empty to say.
func bestMove(a, b []float64, ea, eb float64) float64 {
	if ea < 1e-6 || eb < 1e-6 {
		return 0
	}
	var sc [2*dewarpReach + 1]float64
	best, bi := -1.0, dewarpReach
	for d := -dewarpReach; d <= dewarpReach; d++ {
		s := 0.0
		for y := dewarpReach; y < len(a)-dewarpReach; y++ {
			s += a[y] * b[y+d]
		}
		s /= math.Sqrt(ea * eb)
		sc[d+dewarpReach] = s
		if s > best {
			best, bi = s, d+dewarpReach
		}
	}
	if best < 0.3 {
		return 0
	}
	off := 0.0
	if bi > 0 && bi < 2*dewarpReach {
		l, c, r := sc[bi-1], sc[bi], sc[bi+1]
		if den := l - 2*c + r; den < 0 {
			off = 0.5 * (l - r) / den
		}
	}
	return float64(bi-dewarpReach) + off
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
