package ocr

import (
	"context"
	"fmt"
	"image"
	"strconv"
	"strings"

	"github.com/otiai10/gosseract/v2"
)

// pnm encodes g as a binary PGM: Leptonica reads it without the cost of PNG compression.
func pnm(g *image.Gray) []byte {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	head := fmt.Sprintf("P5\n%d %d\n255\n", w, h)
	out := make([]byte, 0, len(head)+w*h)
	out = append(out, head...)
	for y := g.Rect.Min.Y; y < g.Rect.Max.Y; y++ {
		i := g.PixOffset(g.Rect.Min.X, y)
		out = append(out, g.Pix[i:i+w]...)
	}
	return out
}

// readSettings is how one Tesseract call is set up.
type readSettings struct {
	psm       gosseract.PageSegMode
	whitelist string
	dpi       int
}

// recognize runs one Tesseract recognition on g and returns its words. ctx is checked first:
// once the cgo call starts it runs to the end.
func (c *tessClient) recognize(ctx context.Context, g *image.Gray, s readSettings) ([]Word, error) {
	if err := ctx.Err(); err != nil {
		return nil, context.Cause(ctx)
	}
	b := g.Rect
	if b.Dx() < 3 || b.Dy() < 3 {
		return nil, fmt.Errorf("ocr: image is %d×%d pixels, too small to read", b.Dx(), b.Dy())
	}
	if s.dpi <= 0 {
		s.dpi = 300
	}
	tc := c.tc
	if err := tc.SetImageFromBytes(pnm(g)); err != nil {
		return nil, fmt.Errorf("ocr: set image: %w", err)
	}
	for k, v := range map[gosseract.SettableVariable]string{
		"tessedit_char_whitelist": s.whitelist,
		"user_defined_dpi":        strconv.Itoa(s.dpi),
		// Set as a variable, not with SetPageSegMode: gosseract initialises Tesseract on a
		// client's first recognition, which resets the mode set before it, so each worker's
		// first page was read in another mode than the rest; variables are applied after.
		"tessedit_pageseg_mode": strconv.Itoa(int(s.psm)),
		// Tesseract otherwise adapts its classifier to the pages a client has read, so a page's
		// reading would depend on which pages its worker read before it.
		"classify_enable_learning": "0",
	} {
		if err := tc.SetVariable(k, v); err != nil {
			return nil, fmt.Errorf("ocr: set %s: %w", k, err)
		}
	}
	// One recognition gives words with their block, paragraph and line numbers; asking for
	// RIL_WORD and RIL_TEXTLINE boxes separately would recognise the page twice (gosseract
	// re-sets the image before each call).
	boxes, err := tc.GetBoundingBoxesVerbose()
	if err != nil {
		return nil, fmt.Errorf("ocr: recognise: %w", err)
	}
	words := make([]Word, 0, len(boxes))
	for _, bb := range boxes {
		// Ruling lines come back as "|" glued to words; no register text has one.
		t := strings.Trim(strings.TrimSpace(bb.Word), "|[]_")
		if t == "" {
			continue
		}
		words = append(words, Word{
			Text: t, Box: bb.Box.Add(b.Min), Conf: max(0, min(1, bb.Confidence/100)),
			Block: bb.BlockNum, Par: bb.ParNum, Line: bb.LineNum,
		})
	}
	return words, nil
}
