package synth

import (
	"math"

	"github.com/sohoa/sohoa/domain"
)

// rotateBox maps a box of the unrotated page to the bounding box of its image after rotateGray.
func rotateBox(b domain.Box, deg float64, w, h int) domain.Box {
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w)/2, float64(h)/2
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range [4][2]int{{b[0], b[1]}, {b[2], b[1]}, {b[0], b[3]}, {b[2], b[3]}} {
		dx, dy := float64(p[0])-cx, float64(p[1])-cy
		x := cx + cos*dx - sin*dy
		y := cy + sin*dx + cos*dy
		minX, maxX = math.Min(minX, x), math.Max(maxX, x)
		minY, maxY = math.Min(minY, y), math.Max(maxY, y)
	}
	return domain.Box{int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX)), int(math.Ceil(maxY))}
}

// scaleBox maps a box to an image resized by factor s.
func scaleBox(b domain.Box, s float64) domain.Box {
	return domain.Box{
		int(math.Floor(float64(b[0]) * s)), int(math.Floor(float64(b[1]) * s)),
		int(math.Ceil(float64(b[2]) * s)), int(math.Ceil(float64(b[3]) * s)),
	}
}

// clampBox keeps a box inside a w×h image.
func clampBox(b domain.Box, w, h int) domain.Box {
	return domain.Box{max(0, min(b[0], w)), max(0, min(b[1], h)), max(0, min(b[2], w)), max(0, min(b[3], h))}
}
