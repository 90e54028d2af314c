package synth

import (
	"image/color"
	"testing"
)

// The ink mask of a heavy degraded page marks where the clean page has ink: there the aged
// page is darker than on the paper around, and the geometry is the clean page's.
func TestRenderInkPairTruthMatchesThePage(t *testing.T) {
	p, err := RenderInkPair(Options{Seed: 7, Severity: SeverityHeavy}, 0)
	if err != nil {
		t.Fatal(err)
	}
	b := p.Image.Bounds()
	if b.Dx() != pageWidth || b.Dy() != pageHeight || len(p.Ink) != pageWidth*pageHeight {
		t.Fatalf("image %v, mask of %d pixels: want %d×%d for both", b, len(p.Ink), pageWidth, pageHeight)
	}
	if p.Params.SkewDeg != 0 || p.Params.LowDPI != 0 || p.Params.Border != [4]int{} {
		t.Errorf("params %+v: want no skew, resolution change or scanner border", p.Params)
	}
	var inkSum, paperSum, inkN, paperN float64
	for y := 0; y < pageHeight; y += 2 {
		for x := 0; x < pageWidth; x += 2 {
			v := float64(color.GrayModel.Convert(p.Image.At(b.Min.X+x, b.Min.Y+y)).(color.Gray).Y)
			if p.Ink[y*pageWidth+x] {
				inkSum, inkN = inkSum+v, inkN+1
			} else {
				paperSum, paperN = paperSum+v, paperN+1
			}
		}
	}
	share := inkN / (inkN + paperN)
	if share < 0.01 || share > 0.3 {
		t.Errorf("ink covers %.1f%% of the page, want a page of text (1–30%%)", 100*share)
	}
	if ink, paper := inkSum/inkN, paperSum/paperN; ink > paper-40 {
		t.Errorf("mean grey on the ink %.0f, on the paper %.0f: want the ink clearly darker", ink, paper)
	}
}
