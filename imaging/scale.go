package imaging

import (
	"image"
	"math"
	"slices"

	dimg "github.com/disintegration/imaging"
)

// Resolution defaults.
const (
	DefaultTargetDPI = 300
	DefaultMinDPI    = 200
	maxUpscale       = 4
)

// DPIEstimate is a guess at a page's scanning resolution.
type DPIEstimate struct {
	DPI        float64 // estimated dots per inch
	LineCore   float64 // median height in pixels of the dense core of the text lines, 0 if unknown
	Lines      int     // text lines measured
	FromText   bool    // whether DPI came from the text (true) or from the page size (false)
	PageBasedD float64 // the page-size estimate, for comparison
}

// EstimateDPI guesses the resolution of g, which may be skewed by up to maxSkew degrees.
//
// Heuristic, in order of trust:
//   - Text: the dense core of a text line (rows where ink is over 20% of the line's peak) is
//     about the x-height. Tesseract's guidance is that 10 pt type at 300 dpi has an x-height of
//     about 20 px and accuracy drops below that, so dpi ≈ 15 × core height. This is an "effective
//     resolution for OCR": small type scanned at 300 dpi also reads as low and gets upscaled,
//     which is what Tesseract wants. Used when at least 3 lines are found.
//   - Page size: the long side is taken to be an A4 page (11.69 in). Register pages are A4 or
//     larger folios; an A5 page reads as too low, which only makes upscaling more cautious.
func EstimateDPI(g *image.Gray, maxSkew float64) DPIEstimate {
	a := newAnalysis(g)
	return a.dpi(g.Rect.Size(), a.skew(maxSkew))
}

func (a *analysis) dpi(size image.Point, skew float64) DPIEstimate {
	e := DPIEstimate{PageBasedD: float64(max(size.X, size.Y)) / 11.69}
	e.DPI = e.PageBasedD
	heights := a.lineCores(skew)
	if len(heights) < 3 {
		return e
	}
	slices.Sort(heights)
	core := heights[len(heights)/2] * float64(a.factor)
	e.LineCore, e.Lines, e.FromText = core, len(heights), true
	e.DPI = 15 * core
	return e
}

// lineCores returns the heights, in analysis pixels, of the text-line cores in the horizontal
// ink profile taken along the skew angle.
func (a *analysis) lineCores(skew float64) []float64 {
	w, h := a.bin.Rect.Dx(), a.bin.Rect.Dy()
	t := math.Tan(skew * math.Pi / 180)
	pad := int(math.Abs(t)*float64(w)) + 1
	prof := make([]int, h+2*pad)
	for _, r := range a.ink {
		for _, x := range r.xs {
			prof[r.y+pad+int(math.Round(float64(x)*t))]++
		}
	}
	var cores []float64
	for i := 0; i < len(prof); {
		if prof[i] == 0 {
			i++
			continue
		}
		// One line: a run of non-empty rows; its core is where it exceeds 20% of its peak.
		j, peak := i, 0
		for j < len(prof) && prof[j] > 0 {
			peak = max(peak, prof[j])
			j++
		}
		core := 0
		for k := i; k < j; k++ {
			if 5*prof[k] > peak {
				core++
			}
		}
		if peak >= 10 && core >= 2 { // ignore specks and stray marks
			cores = append(cores, float64(core))
		}
		i = j
	}
	return cores
}

// Upscale enlarges g by factor (clamped to 1..4) with dimg's Catmull-Rom filter.
func Upscale(g *image.Gray, factor float64) *image.Gray {
	factor = max(1, min(maxUpscale, factor))
	w, h := g.Rect.Dx(), g.Rect.Dy()
	nw, nh := int(math.Round(float64(w)*factor)), int(math.Round(float64(h)*factor))
	if nw == w && nh == h {
		return cloneGray(g)
	}
	return toGrayFast(dimg.Resize(g, nw, nh, dimg.CatmullRom))
}
