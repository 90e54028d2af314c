package age

import (
	"image"
	"math"
	"math/rand/v2"
)

// inkColours are typewriter ribbons (black, blue-black, violet), black the commonest.
var inkColours = [][3]float32{{28, 26, 30}, {24, 24, 26}, {36, 32, 34}, {30, 34, 70}, {50, 34, 72}}

// Age turns a clean 300 dpi page into an aged, scanned-looking colour page of the same size.
func Age(clean *image.Gray, p Params, r *rand.Rand) *image.RGBA {
	g := clean
	if p.SkewDeg != 0 {
		g = rotateGray(g, p.SkewDeg)
	}
	g = blurGray(g, p.BlurSigma)
	var back *image.Gray
	if p.Bleed > 0 {
		back = blurGray(halfMirror(g, r), 2)
	}
	w, h := g.Rect.Dx(), g.Rect.Dy()
	grid := newPaperGrid(r, p, w/gridScale+2, h/gridScale+2)
	grid.addStains(r, p, w, h)
	ink := inkColours[r.IntN(len(inkColours))]
	out := image.NewRGBA(g.Rect)
	compose(out, g, back, grid, ink, p, r.Uint64()|1)
	speckle(out, p, r)
	scannerBorder(out, p, r)
	return out
}

// halfMirror is the page mirrored left to right, at half resolution and slightly shifted: the
// text of the sheet's back showing through.
func halfMirror(g *image.Gray, r *rand.Rand) *image.Gray {
	w, h := g.Rect.Dx()/2, g.Rect.Dy()/2
	out := image.NewGray(image.Rect(0, 0, w, h))
	ox, oy := r.IntN(41)-20, r.IntN(81)-40
	for y := range h {
		sy := min(max(2*(y+oy), 0), g.Rect.Dy()-2)
		for x := range w {
			sx := min(max(2*(w-1-x+ox), 0), g.Rect.Dx()-2)
			i := sy*g.Stride + sx
			s := int(g.Pix[i]) + int(g.Pix[i+1]) + int(g.Pix[i+g.Stride]) + int(g.Pix[i+g.Stride+1])
			out.Pix[y*out.Stride+x] = uint8(s / 4)
		}
	}
	return out
}

// compose paints paper, show-through, ink and grain into out, row by row on the Pix slices.
func compose(out *image.RGBA, g, back *image.Gray, grid *paperGrid, ink [3]float32, p Params, seed uint64) {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	// Bilinear weights of the paper grid along x, shared by every row.
	gx := make([]int32, w)
	fx := make([]float32, w)
	for x := range w {
		v := (float32(x) + 0.5) / gridScale
		gx[x] = int32(v)
		fx[x] = v - float32(gx[x])
	}
	paper := make([]float32, w*3)
	inkScale := make([]float32, w)
	contrast := float32(p.Contrast)
	bleed := float32(p.Bleed)
	noise := float32(p.NoiseStd)
	state := seed
	for y := range h {
		v := (float32(y) + 0.5) / gridScale
		gy := int(v)
		fy := v - float32(gy)
		r0, r1 := gy*grid.w, (gy+1)*grid.w
		for x := range w {
			i0, i1 := r0+int(gx[x]), r1+int(gx[x])
			a, b := fx[x], fy
			w00, w01, w10, w11 := (1-a)*(1-b), a*(1-b), (1-a)*b, a*b
			for c := range 3 {
				paper[3*x+c] = grid.rgb[3*i0+c]*w00 + grid.rgb[3*i0+3+c]*w01 + grid.rgb[3*i1+c]*w10 + grid.rgb[3*i1+3+c]*w11
			}
			inkScale[x] = grid.inkScale[i0]*w00 + grid.inkScale[i0+1]*w01 + grid.inkScale[i1]*w10 + grid.inkScale[i1+1]*w11
		}
		src := g.Pix[y*g.Stride : y*g.Stride+w]
		dst := out.Pix[y*out.Stride : y*out.Stride+4*w]
		var backRow []uint8
		if back != nil {
			by := min(y/2, back.Rect.Dy()-1)
			backRow = back.Pix[by*back.Stride : by*back.Stride+back.Rect.Dx()]
		}
		for x := range w {
			cover := float32(255-src[x]) / 255 * contrast * inkScale[x]
			var show float32
			if backRow != nil {
				show = float32(255-backRow[min(x/2, len(backRow)-1)]) / 255 * bleed
			}
			// Grain: a cheap approximately normal value from three xorshift uniforms.
			state ^= state << 13
			state ^= state >> 7
			state ^= state << 17
			n := (float32(state&0xffff)+float32(state>>16&0xffff)+float32(state>>32&0xffff))/65535 - 1.5
			n *= 2 * noise
			for c := range 3 {
				px := paper[3*x+c] * (1 - show*(0.9-0.1*float32(c)))
				px = px*(1-cover) + ink[c]*cover + n
				dst[4*x+c] = uint8(max(0, min(255, px+0.5)))
			}
			dst[4*x+3] = 255
		}
	}
}

// speckle scatters dust: small dark specks and a few pale spots where ink flaked off.
func speckle(out *image.RGBA, p Params, r *rand.Rand) {
	w, h := out.Rect.Dx(), out.Rect.Dy()
	n := int(p.Speckle * float64(w*h) / 1e6)
	for i := range n {
		cx, cy := r.IntN(w), r.IntN(h)
		rad := 0.8 + r.Float64()*r.Float64()*3
		var col [3]uint8
		dark := i%5 != 0
		if dark {
			v := uint8(30 + r.IntN(70))
			col = [3]uint8{v, v, v}
		} else {
			col = [3]uint8{235, 228, 205}
		}
		ir := int(math.Ceil(rad))
		for y := max(0, cy-ir); y <= min(h-1, cy+ir); y++ {
			for x := max(0, cx-ir); x <= min(w-1, cx+ir); x++ {
				dx, dy := float64(x-cx), float64(y-cy)
				if dx*dx+dy*dy > rad*rad {
					continue
				}
				o := out.PixOffset(x, y)
				copy(out.Pix[o:o+3], col[:])
			}
		}
	}
}

// scannerBorder darkens the chosen edges, as when the sheet is smaller than the scanner glass or
// the lid was left open, with a ragged inner edge and a soft shadow.
func scannerBorder(out *image.RGBA, p Params, r *rand.Rand) {
	w, h := out.Rect.Dx(), out.Rect.Dy()
	for edge, bw := range p.Border {
		if bw == 0 {
			continue
		}
		length := w
		if edge == 1 || edge == 3 {
			length = h
		}
		phase, freq := r.Float64()*6.28, 2+r.Float64()*4
		tilt := (r.Float64()*2 - 1) * float64(bw) * 0.4
		for t := range length {
			pos := float64(t) / float64(length)
			depth := float64(bw) + tilt*(pos-0.5) + 6*math.Sin(freq*6.28*pos+phase)
			for d := 0; d < int(depth)+25; d++ {
				var x, y int
				switch edge {
				case 0:
					x, y = t, d
				case 1:
					x, y = w-1-d, t
				case 2:
					x, y = t, h-1-d
				default:
					x, y = d, t
				}
				if x < 0 || y < 0 || x >= w || y >= h {
					continue
				}
				o := out.PixOffset(x, y)
				k := 0.12 // inside the border
				if fd := float64(d) - depth; fd > 0 {
					k = 0.12 + 0.88*fd/25 // shadow fading into the paper
				}
				for c := range 3 {
					out.Pix[o+c] = uint8(float64(out.Pix[o+c]) * k)
				}
			}
		}
	}
}
