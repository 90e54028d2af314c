package synth

import (
	"fmt"
	"image"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/synth/hand"
	"golang.org/x/image/font"
)

// Script is how a page's entries are written; the printed form, labels and ruling are the same.
type Script string

// Scripts; ScriptMixed picks typed or hand per page.
const (
	ScriptTyped Script = "typed" // typewriter
	ScriptHand  Script = "hand"  // handwriting in one of package hand's fonts
	ScriptMixed Script = "mixed"
)

// ParseScript accepts typed, hand or mixed.
func ParseScript(s string) (Script, error) {
	switch v := Script(s); v {
	case ScriptTyped, ScriptHand, ScriptMixed:
		return v, nil
	}
	return "", fmt.Errorf("%w: unknown script %q (want typed, hand or mixed)", domain.ErrInvalid, s)
}

// streamHand is the random stream of a page's script and handwriting; separate from the
// others, so that typed pages stay byte-identical to those made before handwriting existed.
const streamHand uint64 = 0x48

// Handwriting sizes in points: values on forms, values in table cells.
const (
	handSize      = 12.5
	handSizeSmall = 10.5
)

// resolveScript picks the script of page index: the zero Script means typed.
func (o Options) resolveScript(index int) Script {
	switch o.Script {
	case ScriptHand:
		return ScriptHand
	case ScriptMixed:
		if pageRand(o.Seed, index, streamHand).IntN(2) == 1 {
			return ScriptHand
		}
	}
	return ScriptTyped
}

// newPens gives the typed faces of page index a writer each, one person's hand on the page.
func newPens(seed int64, index int, f *faces) (map[font.Face]*hand.Writer, error) {
	hands, err := hand.Hands()
	if err != nil {
		return nil, err
	}
	r := pageRand(seed, index, streamHand)
	r.IntN(2) // the draw resolveScript made
	h := hands[r.IntN(len(hands))]
	style := hand.Style{}
	big, err := hand.NewWriter(h, handSize, dpi, style, r)
	if err != nil {
		return nil, err
	}
	// The same person writes smaller in table cells, with the same slant, pressure and ink.
	style = big.Style()
	small, err := hand.NewWriter(h, handSizeSmall, dpi, style, r)
	if err != nil {
		return nil, err
	}
	return map[font.Face]*hand.Writer{f.typed: big, f.typedSmall: small}, nil
}

// write draws a typed span by hand when the page is handwritten, squeezed into the width the
// typewriter would have taken, and returns the box of its ink.
func (c *canvas) write(s span) (domain.Box, bool) {
	w, ok := c.pens[s.face]
	if !s.typed || !ok {
		return domain.Box{}, false
	}
	b := w.Write(c.img, s.x, s.y, s.text, width(s.face, s.text))
	if b.Empty() {
		b = image.Rect(s.x, s.y-1, s.x+1, s.y)
	}
	return domain.Box{b.Min.X, b.Min.Y, b.Max.X, b.Max.Y}, true
}

// handName is the name of the hand a handwritten page is written in, "" on typed pages.
func (c *canvas) handName() string {
	for _, w := range c.pens {
		return w.Hand().Name
	}
	return ""
}
