package imaging

import "image"

// Contrast stretch defaults.
const (
	DefaultLowPercentile  = 0.005
	DefaultHighPercentile = 0.99
	maxStretchGain        = 6
)

// StretchContrast maps the grey levels of g linearly so that the low percentile (0..1) becomes
// black and the high percentile white. The gain is capped at 6× so that a blank or nearly blank
// page is not blown up into noise. Paper that is already white stays white.
func StretchContrast(g *image.Gray, low, high float64) *image.Gray {
	return applyLUT(g, stretchLUT(histogram(g), low, high))
}

// stretchLUT is StretchContrast's grey-level mapping for a page with histogram hist. It is
// non-decreasing, so it may be applied after a median filter instead of before.
func stretchLUT(hist *[256]int, low, high float64) *[256]uint8 {
	lo, hi := percentile(hist, low), percentile(hist, high)
	var lut [256]uint8
	span := float64(max(hi-lo, 1))
	gain := min(255/span, maxStretchGain)
	for v := range lut {
		// Anchor at hi so paper maps to white even when the gain is capped.
		lut[v] = uint8(max(0, min(255, 255-(float64(hi-v))*gain+0.5)))
	}
	return &lut
}

func applyLUT(g *image.Gray, lut *[256]uint8) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	dst := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		src := g.Pix[g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+y):][:w]
		out := dst.Pix[y*dst.Stride:][:w]
		for x, v := range src {
			out[x] = lut[v]
		}
	}
	return dst
}
