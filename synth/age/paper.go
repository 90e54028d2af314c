package age

import (
	"image"
	"math"
	"math/rand/v2"

	dimg "github.com/disintegration/imaging"
)

// gridScale is how many page pixels one cell of the paper grid covers in each direction.
const gridScale = 4

// paperGrid holds, at a quarter of the page resolution, what varies slowly across a sheet: the
// paper colour (yellowing, illumination, stains; RGB 0–255) and how strongly ink still shows.
type paperGrid struct {
	w, h     int
	rgb      []float32 // w*h*3
	inkScale []float32 // w*h, 0–1
}

// smoothNoise is w×h values in [0, 1] varying over about cells cells across, via a bicubic
// upscale of random values.
func smoothNoise(r *rand.Rand, cells, w, h int) []float32 {
	gw := max(2, cells)
	gh := max(2, cells*h/w)
	small := image.NewGray(image.Rect(0, 0, gw, gh))
	for i := range small.Pix {
		small.Pix[i] = uint8(r.IntN(256))
	}
	big := dimg.Resize(small, w, h, dimg.CatmullRom)
	out := make([]float32, w*h)
	for y := 0; y < h; y++ {
		row := big.Pix[y*big.Stride:]
		for x := 0; x < w; x++ {
			out[y*w+x] = float32(row[4*x]) / 255
		}
	}
	return out
}

// newPaperGrid draws the sheet: an off-white paper yellowed by age, lit unevenly by the scanner,
// browner towards the edges, with uneven fading of the ink.
func newPaperGrid(r *rand.Rand, p Params, w, h int) *paperGrid {
	g := &paperGrid{w: w, h: h, rgb: make([]float32, w*h*3), inkScale: make([]float32, w*h)}
	white := [3]float32{250, 249, 244}
	yellow := [3]float32{236, 214, 160}
	light := smoothNoise(r, 4, w, h)
	tint := smoothNoise(r, 6, w, h)
	fade := smoothNoise(r, 10, w, h)
	y := float32(p.Yellow)
	for j := 0; j < h; j++ {
		ey := float32(math.Min(float64(j), float64(h-1-j)) / float64(h))
		for i := 0; i < w; i++ {
			k := j*w + i
			ex := float32(math.Min(float64(i), float64(w-1-i)) / float64(w))
			edge := float32(math.Max(0, 0.08-math.Min(float64(ex), float64(ey)))) / 0.08 // 0 inside, 1 at the edge
			amount := y * (0.75 + 0.5*tint[k] + 0.6*edge)
			illum := 1 - float32(p.Illum)*(1-light[k])*1.6 + float32(p.Illum)*0.25
			for c := range 3 {
				v := white[c] + (yellow[c]-white[c])*min(amount, 1.3)
				g.rgb[3*k+c] = min(v*illum, 255)
			}
			g.inkScale[k] = float32(p.FadeMin) + (1-float32(p.FadeMin))*fade[k]
		}
	}
	return g
}

// stain darkens the paper with an irregular brownish blob with a darker tide line, centred at
// (cx, cy) in page pixels with radius rad; strength 0–1.
func (g *paperGrid) stain(r *rand.Rand, cx, cy, rad, strength float64, ring bool) {
	var harm [4][2]float64 // amplitude, phase of the boundary's wobble
	for i := range harm {
		harm[i] = [2]float64{r.Float64() * 0.18 / float64(i+1), r.Float64() * 2 * math.Pi}
	}
	brown := [3]float64{0.86, 0.74, 0.55}
	gcx, gcy, grad := cx/gridScale, cy/gridScale, rad/gridScale
	x0, x1 := max(0, int(gcx-grad*1.5)), min(g.w, int(gcx+grad*1.5)+1)
	y0, y1 := max(0, int(gcy-grad*1.5)), min(g.h, int(gcy+grad*1.5)+1)
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			dx, dy := float64(x)-gcx, float64(y)-gcy
			a := math.Atan2(dy, dx)
			edge := grad
			for i, hm := range harm {
				edge *= 1 + hm[0]*math.Sin(float64(i+2)*a+hm[1])
			}
			d := math.Hypot(dx, dy) / edge // 1 at the boundary
			if d >= 1.15 {
				continue
			}
			t := strength * smoothstep(1.15, 0.85, d) * 0.6
			if ring {
				t += strength * 0.6 * math.Exp(-(d-0.95)*(d-0.95)/0.004)
			}
			t = math.Min(t, 1)
			k := 3 * (y*g.w + x)
			for c := range 3 {
				g.rgb[k+c] *= float32(1 - t*(1-brown[c]))
			}
		}
	}
}

// smoothstep is 0 at e0, 1 at e1, smooth between.
func smoothstep(e0, e1, x float64) float64 {
	t := math.Max(0, math.Min(1, (x-e0)/(e1-e0)))
	return t * t * (3 - 2*t)
}

// addStains scatters water stains and foxing (small rust-brown spots) over the sheet.
func (g *paperGrid) addStains(r *rand.Rand, p Params, pw, ph int) {
	for range p.Stains {
		rad := 60 + r.Float64()*260
		g.stain(r, r.Float64()*float64(pw), r.Float64()*float64(ph), rad, 0.25+0.45*r.Float64(), r.Float64() < 0.6)
	}
	for range p.Foxing {
		rad := 6 + r.Float64()*r.Float64()*40
		// Foxing gathers near the edges of a sheet.
		x := r.Float64() * float64(pw)
		y := r.Float64() * float64(ph)
		if r.Float64() < 0.5 {
			x = math.Pow(r.Float64(), 2) * float64(pw) * 0.25
			if r.IntN(2) == 0 {
				x = float64(pw) - x
			}
		}
		g.stain(r, x, y, rad, 0.3+0.5*r.Float64(), false)
	}
}
