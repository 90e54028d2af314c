package photo

import (
	"image"
	"math"
	"math/rand/v2"
)

// Page size of synth's pages, 300 dpi A4.
const (
	pageW = 2480
	pageH = 3508
)

// scene is how one photograph is taken: where the sheet lies, how it curls, how it is lit.
type scene struct {
	w, h    int        // photo size
	pages   int        // 1 or 2 (a spread)
	h2p     [9]float64 // homography, sheet pixels → photo pixels
	p2h     [9]float64 // its inverse
	curl    float64    // largest vertical displacement near the gutter, sheet pixels
	curlW   float64    // how far from the gutter the curl reaches, sheet pixels
	curlOne int        // for a single page: 0 none, -1 gutter on the left, +1 on the right
	desk    [3]float64
	paper   [3]float64
	light   [3]float64 // gradient in x, in y, and vignette strength
	shadow  []image.Point
	shadowK float64
	fingers []finger
	blur    float64
	noise   float64
	bright  float64    // exposure factor
	glare   [3]float64 // x, y, radius in photo pixels (radius 0: none)
	faults  []string
}

type finger struct {
	a, b [2]float64
	r    float64
} // capsule from a to b, radius r (photo px)

// sheetSize is the size of the sheet in sheet pixels.
func (s *scene) sheetSize() (float64, float64) { return float64(pageW * s.pages), pageH }

// newScene draws a photograph's setting. fault names a defect to make on purpose, or "".
func newScene(r *rand.Rand, pages int, fault string) *scene {
	s := &scene{pages: pages, w: 4000, h: 3000}
	if pages == 1 {
		s.w, s.h = 3000, 4000
	}
	scale := s.frame(r, fault)
	s.dress(r)
	sw, sh := s.sheetSize()
	s.blur = 0.5 + 0.5*r.Float64()
	s.noise = 2 + 2*r.Float64()
	switch fault {
	case "blurred":
		s.blur = 3.5 + 2.5*r.Float64()
	case "dark":
		s.bright = 0.22 + 0.12*r.Float64()
	case "glare":
		// A burnt-out spot over the writing, 8–15% of the sheet's width across.
		u, v := sw*(0.3+0.4*r.Float64()), sh*(0.3+0.4*r.Float64())
		px, py := apply(s.h2p, u, v)
		s.glare = [3]float64{px, py, (0.08 + 0.07*r.Float64()) * sw * scale}
	}
	if fault != "" {
		s.faults = []string{fault}
	}
	return s
}

// frame places the sheet in the photograph — how much of the frame it fills, turned, pushed off
// the edge for the fault cut_off, seen at a slant — and returns its scale, sheet to photo.
func (s *scene) frame(r *rand.Rand, fault string) float64 {
	sw, sh := s.sheetSize()
	// The sheet covers 78–90% of the frame's limiting side, turned a little, seen at a slant.
	fill := 0.78 + 0.12*r.Float64()
	if fault == "too_small" {
		fill = 0.34 + 0.06*r.Float64()
	}
	scale := fill * min(float64(s.w)/sw, float64(s.h)/sh)
	rot := (r.Float64()*2 - 1) * 6 * math.Pi / 180
	cx, cy := float64(s.w)/2+(r.Float64()*2-1)*0.03*float64(s.w), float64(s.h)/2+(r.Float64()*2-1)*0.03*float64(s.h)
	if fault == "cut_off" {
		// Pushed off one side by 4–10% of the sheet.
		d := (0.04 + 0.06*r.Float64()) * scale
		switch r.IntN(4) {
		case 0:
			cx -= d*sw + float64(s.w)*(1-fill)/2
		case 1:
			cx += d*sw + float64(s.w)*(1-fill)/2
		case 2:
			cy -= d*sh + float64(s.h)*(1-fill)/2
		default:
			cy += d*sh + float64(s.h)*(1-fill)/2
		}
	}
	var dst [4][2]float64
	for i, c := range [4][2]float64{{0, 0}, {sw, 0}, {sw, sh}, {0, sh}} {
		x, y := (c[0]-sw/2)*scale, (c[1]-sh/2)*scale
		x, y = x*math.Cos(rot)-y*math.Sin(rot), x*math.Sin(rot)+y*math.Cos(rot)
		// Keystone: the far edge is shorter (camera tilted 5–15°), plus a little jitter.
		dst[i] = [2]float64{cx + x, cy + y}
	}
	tilt := 0.03 + 0.07*r.Float64()
	far := r.IntN(2) // 0: top edge farther, 1: bottom edge
	for i := range 4 {
		if (i < 2) == (far == 0) {
			dst[i][0] = cx + (dst[i][0]-cx)*(1-tilt)
		}
		dst[i][0] += (r.Float64()*2 - 1) * 0.01 * float64(s.w)
		dst[i][1] += (r.Float64()*2 - 1) * 0.01 * float64(s.h)
	}
	s.h2p = homography([4][2]float64{{0, 0}, {sw, 0}, {sw, sh}, {0, sh}}, dst)
	s.p2h = invert3(s.h2p)
	return scale
}

// dress draws the rest of the setting: the pages' curl, the desk, paper and light, a shadow
// across a corner, and fingers holding an open book.
func (s *scene) dress(r *rand.Rand) {
	pages := s.pages
	if pages == 2 {
		s.curl, s.curlW = (0.006+0.012*r.Float64())*pageH, (0.12+0.1*r.Float64())*pageW
	} else if r.IntN(2) == 0 {
		s.curl, s.curlW = (0.002+0.006*r.Float64())*pageH, 0.12*pageW
		s.curlOne = 1 - 2*r.IntN(2)
	}
	desks := [][3]float64{{92, 62, 40}, {48, 52, 60}, {70, 70, 72}, {110, 80, 55}, {35, 35, 38}}
	s.desk = desks[r.IntN(len(desks))]
	y := 0.85 + 0.15*r.Float64()
	s.paper = [3]float64{242 * y, 236 * y, 218 * y}
	s.light = [3]float64{(r.Float64()*2 - 1) * 0.18, (r.Float64()*2 - 1) * 0.18, 0.1 + 0.15*r.Float64()}
	s.bright = 0.92 + 0.08*r.Float64()
	if r.IntN(3) == 0 { // a soft shadow across one corner (the phone, a hand)
		s.shadowK = 0.12 + 0.18*r.Float64()
		c := r.IntN(4)
		x0, y0 := float64(s.w)*float64(c%2), float64(s.h)*float64(c/2)
		s.shadow = []image.Point{{int(x0), int(y0)}, {int(float64(s.w) * (0.3 + 0.3*r.Float64())), int(y0)}, {int(x0), int(float64(s.h) * (0.3 + 0.3*r.Float64()))}}
		if c%2 == 1 {
			s.shadow[1].X = s.w - s.shadow[1].X
		}
		if c/2 == 1 {
			s.shadow[2].Y = s.h - s.shadow[2].Y
		}
	}
	if pages == 2 && r.IntN(2) == 0 {
		s.fingers = makeFingers(r, s, 1+r.IntN(2))
	}
}

// makeFingers puts n fingers over the outer or bottom edge of the sheet.
func makeFingers(r *rand.Rand, s *scene, n int) []finger {
	sw, sh := s.sheetSize()
	var fs []finger
	for range n {
		var a, b [2]float64
		switch r.IntN(3) {
		case 0: // left edge
			y := sh * (0.3 + 0.4*r.Float64())
			a, b = [2]float64{-0.08 * pageW, y}, [2]float64{0.035 * pageW, y + (r.Float64()-0.5)*200}
		case 1: // right edge
			y := sh * (0.3 + 0.4*r.Float64())
			a, b = [2]float64{sw + 0.08*pageW, y}, [2]float64{sw - 0.035*pageW, y + (r.Float64()-0.5)*200}
		default: // bottom edge, near a corner
			x := sw * (0.05 + 0.1*r.Float64())
			if r.IntN(2) == 0 {
				x = sw - x
			}
			a, b = [2]float64{x, sh + 0.06*pageH}, [2]float64{x + (r.Float64()-0.5)*150, sh - 0.025*pageH}
		}
		ax, ay := apply(s.h2p, a[0], a[1])
		bx, by := apply(s.h2p, b[0], b[1])
		sc := math.Hypot(s.h2p[0], s.h2p[3])
		fs = append(fs, finger{[2]float64{ax, ay}, [2]float64{bx, by}, (70 + 30*r.Float64()) * sc})
	}
	return fs
}
