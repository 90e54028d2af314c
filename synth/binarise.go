package synth

import (
	"fmt"
	"image"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/synth/age"
)

// InkPair is a degraded page with pixel ground truth, for measuring binarisation (DIBCO style).
type InkPair struct {
	Index    int
	Severity Severity
	Image    image.Image // the aged page, same size and position as the clean rendering
	Ink      []bool      // Rect.Dx()×Rect.Dy(), row by row: true where the clean rendering has ink
	Params   age.Params  // the ageing applied (skew, low resolution and scanner border left out)
}

// RenderInkPair renders page index as Render does and ages it with its severity's fading,
// stains, foxing, bleed-through, blur, noise and JPEG, but without the steps that move or add
// pixels that are not ink (skew, lower resolution, scanner border), so that the clean
// rendering's ink mask (grey < 128) is the ground truth of every pixel of the aged page.
func RenderInkPair(opts Options, index int) (InkPair, error) {
	if err := opts.Validate(); err != nil {
		return InkPair{}, err
	}
	if index < 0 {
		return InkPair{}, fmt.Errorf("%w: page index %d < 0", domain.ErrInvalid, index)
	}
	kind, layout, sev := opts.resolve(index)
	cv, _, err := layoutScript(opts.Seed, index, kind, layout, opts.resolveScript(index), opts.PlainWording)
	if err != nil {
		return InkPair{}, err
	}
	ink := make([]bool, pageWidth*pageHeight)
	for y := range pageHeight {
		row := cv.img.Pix[y*cv.img.Stride:][:pageWidth]
		for x, v := range row {
			ink[y*pageWidth+x] = v < 128
		}
	}
	rd := pageRand(opts.Seed, index, streamDegrade)
	p := age.Draw(rd, severityRanges[sev])
	p.SkewDeg, p.LowDPI, p.Border = 0, 0, [4]int{}
	var img image.Image = age.Age(cv.img, p, rd)
	if p.JPEGQuality > 0 {
		if _, img, err = encodeJPEG(img, p.JPEGQuality, dpi); err != nil {
			return InkPair{}, fmt.Errorf("page %d: %w", index, err)
		}
	}
	return InkPair{Index: index, Severity: sev, Image: img, Ink: ink, Params: p}, nil
}
