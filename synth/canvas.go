package synth

import (
	"image"
	"math/rand/v2"
	"strings"
	"unicode/utf8"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/synth/hand"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// canvas is the clean page being drawn: black ink on white, in 300 dpi pixels.
type canvas struct {
	img *image.Gray
	r   *rand.Rand // typewriter jitter
	// ribbon is the page's typewriter ink strength; doubleStrike types every glyph twice, 1 px apart,
	// as heavy-handed typists and fresh ribbons did.
	ribbon       float64
	doubleStrike bool
	lines        []TextLine
	// pens write the typed faces' spans by hand on handwritten pages; nil on typed ones.
	pens map[font.Face]*hand.Writer
}

func newCanvas(r *rand.Rand) *canvas {
	img := image.NewGray(image.Rect(0, 0, pageWidth, pageHeight))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	return &canvas{img: img, r: r, ribbon: 0.8 + 0.2*r.Float64(), doubleStrike: r.Float64() < 0.3}
}

// span is a run of text placed on the page: its baseline origin and the face that draws it.
type span struct {
	face  font.Face
	x, y  int // origin of the baseline
	text  string
	typed bool
}

// box is the span's box: advance width by the face's ascent and descent.
func (s span) box() domain.Box {
	m := s.face.Metrics()
	return domain.Box{s.x, s.y - m.Ascent.Ceil(), s.x + font.MeasureString(s.face, s.text).Ceil(), s.y + m.Descent.Ceil()}
}

// draw renders a span and returns its box. Printed text is uniformly dark; typed text varies
// glyph by glyph in darkness and sits up to a pixel off the baseline, like a worn typewriter;
// on handwritten pages it is written by hand and the box is that of its ink.
func (c *canvas) draw(s span) domain.Box {
	if b, ok := c.write(s); ok {
		return b
	}
	x := fixed.I(s.x)
	prev := rune(-1)
	for _, ru := range s.text {
		if prev >= 0 {
			x += s.face.Kern(prev, ru)
		}
		prev = ru
		strength, dx, dy := 0.93, 0, 0
		if s.typed {
			strength = c.ribbon * (0.78 + 0.22*c.r.Float64())
			if c.r.IntN(4) == 0 {
				dy = c.r.IntN(3) - 1
			}
			if c.r.IntN(6) == 0 {
				dx = c.r.IntN(3) - 1
			}
		}
		dot := fixed.Point26_6{X: x + fixed.I(dx), Y: fixed.I(s.y + dy)}
		dr, mask, mp, adv, ok := s.face.Glyph(dot, ru)
		if !ok {
			x += adv
			continue
		}
		c.composite(dr, mask, mp, strength)
		if s.typed && c.doubleStrike {
			c.composite(dr.Add(image.Pt(1, 0)), mask, mp, strength*0.6)
		}
		x += adv
	}
	return s.box()
}

// composite darkens the page under mask: out = in × (1 − alpha × strength).
func (c *canvas) composite(dr image.Rectangle, mask image.Image, mp image.Point, strength float64) {
	clipped := dr.Intersect(c.img.Rect)
	if clipped.Empty() {
		return
	}
	mp = mp.Add(clipped.Min.Sub(dr.Min))
	k := uint32(strength * 256)
	alpha, isAlpha := mask.(*image.Alpha)
	for y := clipped.Min.Y; y < clipped.Max.Y; y++ {
		row := c.img.Pix[c.img.PixOffset(clipped.Min.X, y):]
		for x := 0; x < clipped.Dx(); x++ {
			var a uint32
			if isAlpha {
				a = uint32(alpha.Pix[alpha.PixOffset(mp.X+x, mp.Y+y-clipped.Min.Y)])
			} else {
				_, _, _, a16 := mask.At(mp.X+x, mp.Y+y-clipped.Min.Y).RGBA()
				a = a16 >> 8
			}
			if a == 0 {
				continue
			}
			cover := a * k >> 8 // 0..255
			row[x] = uint8(uint32(row[x]) * (255 - cover) / 255)
		}
	}
}

// rule draws a filled rectangle of ink at the given darkness (0..1).
func (c *canvas) rule(x0, y0, x1, y1 int, dark float64) {
	r := image.Rect(x0, y0, x1, y1).Intersect(c.img.Rect)
	v := uint8(255 * (1 - dark))
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := c.img.Pix[c.img.PixOffset(r.Min.X, y):c.img.PixOffset(r.Max.X, y)]
		for i := range row {
			row[i] = min(row[i], v)
		}
	}
}

// hline and vline draw printed rules of thickness t.
func (c *canvas) hline(x0, x1, y, t int) { c.rule(x0, y, x1, y+t, 0.85) }
func (c *canvas) vline(x, y0, y1, t int) { c.rule(x, y0, x+t, y1, 0.85) }

// dotted draws the dotted leader a form prints for a value to be typed on.
func (c *canvas) dotted(x0, x1, y int) {
	for x := x0; x+3 <= x1; x += 16 {
		c.rule(x, y, x+3, y+2, 0.55)
	}
}

// addLine records a visual line of the page in reading order.
func (c *canvas) addLine(text string, typed, hand bool, b domain.Box) {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return
	}
	c.lines = append(c.lines, TextLine{Text: text, Typed: typed, Hand: hand, CleanBox: b})
}

// width is the advance width of s in face f, in pixels.
func width(f font.Face, s string) int { return font.MeasureString(f, s).Ceil() }

// wrap breaks s into lines no wider than first (the first line) and rest (the others), at spaces,
// and inside a word only when the word alone is too wide.
func wrap(f font.Face, s string, first, rest int) []string {
	var lines []string
	limit := first
	cur := ""
	for _, w := range strings.Fields(s) {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if width(f, try) <= limit {
			cur = try
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
			limit = rest
		}
		cur = w
		for width(f, cur) > limit && utf8.RuneCountInString(cur) > 1 {
			head := cur
			for width(f, head) > limit && utf8.RuneCountInString(head) > 1 {
				_, size := utf8.DecodeLastRuneInString(head)
				head = head[:len(head)-size]
			}
			lines = append(lines, head)
			limit = rest
			cur = cur[len(head):]
		}
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}
