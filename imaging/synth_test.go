package imaging

import (
	"image"
	"math"
	"math/rand/v2"
	"testing"

	dimg "github.com/disintegration/imaging"
)

// pageSpec describes a synthetic page of pseudo-text: lines of "words" made of letter-like
// strokes with an x-height core and some ascenders and descenders.
type pageSpec struct {
	w, h    int
	xHeight int   // core height of a line in pixels (about 20 at 300 dpi)
	pitch   int   // distance between baselines
	margin  int   // blank margin on every side
	paper   uint8 // paper grey level
	ink     uint8 // ink grey level
	stroke  int   // stroke width
	seed    uint64
}

func defaultSpec(w, h int) pageSpec {
	return pageSpec{w: w, h: h, xHeight: 20, pitch: 60, margin: w / 12, paper: 235, ink: 30, stroke: 3, seed: 1}
}

// page is a synthetic page and the ground truth of where ink was drawn.
type page struct {
	g   *image.Gray
	ink []bool // len w*h, true where ink was drawn
}

func makePage(s pageSpec) page {
	g := image.NewGray(image.Rect(0, 0, s.w, s.h))
	for i := range g.Pix {
		g.Pix[i] = s.paper
	}
	p := page{g: g, ink: make([]bool, s.w*s.h)}
	rng := rand.New(rand.NewPCG(s.seed, 7))
	fill := func(x0, y0, x1, y1 int) {
		for y := max(0, y0); y < min(s.h, y1); y++ {
			for x := max(0, x0); x < min(s.w, x1); x++ {
				g.Pix[y*g.Stride+x] = s.ink
				p.ink[y*s.w+x] = true
			}
		}
	}
	letterW := s.xHeight * 3 / 4
	for base := s.margin + s.pitch; base < s.h-s.margin; base += s.pitch {
		x := s.margin + rng.IntN(4*letterW)
		for x < s.w-s.margin-letterW {
			n := 2 + rng.IntN(8) // letters in the word
			for range n {
				if x > s.w-s.margin-letterW {
					break
				}
				top, bot := base-s.xHeight, base
				switch rng.IntN(6) {
				case 0:
					top -= s.xHeight / 2 // ascender
				case 1:
					bot += s.xHeight / 2 // descender
				}
				fill(x, top, x+s.stroke, bot) // left stem
				switch rng.IntN(3) {
				case 0: // n-like
					fill(x, base-s.xHeight, x+letterW-2, base-s.xHeight+s.stroke)
					fill(x+letterW-2-s.stroke, base-s.xHeight, x+letterW-2, base)
				case 1: // o-like
					fill(x, base-s.xHeight, x+letterW-2, base-s.xHeight+s.stroke)
					fill(x, base-s.stroke, x+letterW-2, base)
					fill(x+letterW-2-s.stroke, base-s.xHeight, x+letterW-2, base)
				default: // l-like with a foot
					fill(x, base-s.stroke, x+letterW/2, base)
				}
				x += letterW + 2
			}
			x += letterW + rng.IntN(letterW)
		}
	}
	return p
}

// rotatePage rotates a page counter-clockwise by deg with dimg (independent of our Rotate),
// cropped back to the original size around the centre, with paper-coloured fill.
func rotatePage(t testing.TB, g *image.Gray, deg float64, paper uint8) *image.Gray {
	t.Helper()
	r := toGrayFast(dimg.Rotate(g, deg, grayColor(paper)))
	dx := (r.Rect.Dx() - g.Rect.Dx()) / 2
	dy := (r.Rect.Dy() - g.Rect.Dy()) / 2
	return cloneGray(r.SubImage(image.Rect(dx, dy, dx+g.Rect.Dx(), dy+g.Rect.Dy())).(*image.Gray))
}

// mapPixels rewrites every pixel through f(x, y, v).
func mapPixels(g *image.Gray, f func(x, y int, v float64) float64) {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	for y := range h {
		for x := range w {
			i := y*g.Stride + x
			g.Pix[i] = uint8(max(0, min(255, math.Round(f(x, y, float64(g.Pix[i]))))))
		}
	}
}

// addNoise adds Gaussian noise of standard deviation sigma.
func addNoise(g *image.Gray, sigma float64, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 3))
	mapPixels(g, func(_, _ int, v float64) float64 { return v + rng.NormFloat64()*sigma })
}
