package hand

import (
	"fmt"
	"image"
	"math"
	"math/rand/v2"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Writer is one person writing on one page: a hand, a slant, a pen pressure and an ink, with
// the small irregularities of every stroke. It is not safe for concurrent use.
type Writer struct {
	hand  *Hand
	r     *rand.Rand
	faces [len(sizeSteps)][]font.Face // per size step, per subset
	// slant shears the letters (x shift per pixel above the baseline); pressure thickens or
	// thins the strokes; ink is how dark the ink is on the whole page.
	slant, pressure, ink float64
	// Baseline drift: a tilt per line and a slow wave along it, in pixels.
	tilt, wave float64
}

// sizeSteps are the relative sizes a glyph is written at, picked at random per glyph.
var sizeSteps = [...]float64{0.93, 1, 1.07}

// Style is how one person writes; the zero value lets NewWriter pick everything at random.
type Style struct {
	Slant    float64 // shear, e.g. 0.2 = 11° to the right
	Pressure float64 // 0.6 (light, thin strokes) … 1.4 (heavy, thick)
	Ink      float64 // 0.45 (faded) … 1 (fresh)
}

// NewWriter makes a writer in hand h at size points on a page of dpi dots per inch. Fields of
// style left zero are drawn from r, which the writer keeps for every later irregularity.
func NewWriter(h *Hand, size, dpi float64, style Style, r *rand.Rand) (*Writer, error) {
	w := &Writer{hand: h, r: r}
	w.slant = pick(style.Slant, func() float64 { return -0.05 + 0.3*r.Float64() })
	w.pressure = pick(style.Pressure, func() float64 { return 0.7 + 0.6*r.Float64() })
	w.ink = pick(style.Ink, func() float64 { return 0.5 + 0.45*r.Float64() })
	w.tilt = (r.Float64()*2 - 1) * 0.012
	w.wave = 1 + 3*r.Float64()
	for i, s := range sizeSteps {
		for _, f := range h.subsets {
			face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size * h.scale * s, DPI: dpi, Hinting: font.HintingNone})
			if err != nil {
				return nil, fmt.Errorf("hand %s at %.1fpt: %w", h.Name, size, err)
			}
			w.faces[i] = append(w.faces[i], face)
		}
	}
	return w, nil
}

func pick(v float64, random func() float64) float64 {
	if v != 0 {
		return v
	}
	return random()
}

// Hand is the writer's hand.
func (w *Writer) Hand() *Hand { return w.hand }

// glyph is one letter placed on the line, before squeezing.
type glyph struct {
	face     font.Face
	r        rune
	x, dy    float64 // pen position along the line and offset from the baseline, pixels
	strength float64
}

// Width is how wide text comes out in this hand at its middle size, without irregularities.
func (w *Writer) Width(text string) int {
	x := 0.0
	for _, r := range text {
		if si := w.hand.subsetOf(r); si >= 0 {
			x += fix(w.faces[1][si].GlyphAdvance(r))
		} else if r == ' ' {
			x += fix(w.faces[1][0].GlyphAdvance(' '))
		}
	}
	return int(math.Ceil(x))
}

func fix(a fixed.Int26_6, _ bool) float64 { return float64(a) / 64 }

// Write writes text on img with its baseline starting at (x, y), squeezing it to at most maxW
// pixels wide (0: no limit), and returns the box of the ink it laid down (empty when none).
func (w *Writer) Write(img *image.Gray, x, y int, text string, maxW int) image.Rectangle {
	gs := w.plan(text)
	if len(gs) == 0 {
		return image.Rectangle{}
	}
	end := gs[len(gs)-1].x + fix(gs[len(gs)-1].face.GlyphAdvance(gs[len(gs)-1].r))
	squeeze := 1.0
	if maxW > 0 && end > float64(maxW) {
		squeeze = float64(maxW) / end
	}
	var ink image.Rectangle
	phase := w.r.Float64() * 2 * math.Pi
	for _, g := range gs {
		gx := g.x * squeeze
		dy := g.dy + w.tilt*gx + w.wave*math.Sin(phase+gx/180)
		dot := fixed.Point26_6{X: fixed.Int26_6((float64(x) + gx) * 64), Y: fixed.Int26_6((float64(y) + dy) * 64)}
		dr, mask, mp, _, ok := g.face.Glyph(dot, g.r)
		if !ok {
			continue
		}
		ink = ink.Union(w.stroke(img, dr, mask, mp, float64(y)+dy, g.strength))
	}
	return ink
}

// plan places text's glyphs along the line with jittered spacing, size, height and ink.
func (w *Writer) plan(text string) []glyph {
	var gs []glyph
	x := 0.0
	fade := 1.0
	for _, r := range text {
		// Ink runs out and comes back as the pen is dipped or pressed: a slow walk.
		fade = math.Max(0.55, math.Min(1, fade+(w.r.Float64()-0.5)*0.15))
		si := w.hand.subsetOf(r)
		if si < 0 {
			if r == ' ' {
				x += fix(w.faces[1][0].GlyphAdvance(' ')) * (0.8 + 0.6*w.r.Float64())
			}
			continue
		}
		face := w.faces[w.r.IntN(len(sizeSteps))][si]
		gs = append(gs, glyph{
			face: face, r: r, x: x,
			dy:       (w.r.Float64()*2 - 1) * 2.5,
			strength: w.ink * fade * (0.8 + 0.2*w.r.Float64()),
		})
		x += fix(face.GlyphAdvance(r)) * (0.94 + 0.14*w.r.Float64())
	}
	return gs
}

// stroke darkens img under a glyph's mask, sheared by the slant about baseline, with the pen's
// pressure: heavy pens spread the ink a pixel sideways, light ones leave the glyph's thin
// edges out. It returns the box of the pixels it inked.
func (w *Writer) stroke(img *image.Gray, dr image.Rectangle, mask image.Image, mp image.Point, baseline, strength float64) image.Rectangle {
	alpha, ok := mask.(*image.Alpha)
	if !ok {
		return image.Rectangle{}
	}
	cut := 0.0
	if w.pressure < 1 {
		cut = (1 - w.pressure) * 0.9 // thin strokes: only the glyph's core
	}
	spread := w.pressure > 1.1
	var box image.Rectangle
	for my := 0; my < dr.Dy(); my++ {
		py := dr.Min.Y + my
		shift := int(math.Round(w.slant * (baseline - float64(py))))
		for mx := 0; mx < dr.Dx(); mx++ {
			a := float64(alpha.Pix[alpha.PixOffset(mp.X+mx, mp.Y+my)]) / 255
			if a <= cut {
				continue
			}
			a = (a - cut) / (1 - cut)
			px := dr.Min.X + mx + shift
			if darken(img, px, py, a*strength) {
				box = box.Union(image.Rect(px, py, px+1, py+1))
			}
			if spread && darken(img, px+1, py, a*strength*(w.pressure-1)*2) {
				box = box.Union(image.Rect(px+1, py, px+2, py+1))
			}
		}
	}
	return box
}

// darken lays ink of cover (0..1) on one pixel and reports whether it left a visible mark.
func darken(img *image.Gray, x, y int, cover float64) bool {
	if !(image.Point{x, y}).In(img.Rect) || cover <= 0 {
		return false
	}
	cover = math.Min(1, cover)
	i := img.PixOffset(x, y)
	img.Pix[i] = uint8(float64(img.Pix[i]) * (1 - cover))
	return cover >= 0.25
}

// Style is the writer's slant, pressure and ink, to write elsewhere as the same person.
func (w *Writer) Style() Style { return Style{Slant: w.slant, Pressure: w.pressure, Ink: w.ink} }
