package imaging

import (
	"image"
	"image/color"
)

func grayColor(v uint8) color.Gray { return color.Gray{Y: v} }

func uniform(w, h int, v uint8) *image.Gray {
	g := image.NewGray(image.Rect(0, 0, w, h))
	for i := range g.Pix {
		g.Pix[i] = v
	}
	return g
}

// inkAccuracy compares a binary image with a ground-truth ink mask inside r: the share of true
// ink pixels found black (recall) and of true paper pixels left white.
func inkAccuracy(bin *image.Gray, ink []bool, r image.Rectangle) (inkFound, paperKept float64) {
	w := bin.Rect.Dx()
	var nInk, okInk, nPaper, okPaper int
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			black := bin.Pix[y*bin.Stride+x] == 0
			if ink[y*w+x] {
				nInk++
				if black {
					okInk++
				}
			} else {
				nPaper++
				if !black {
					okPaper++
				}
			}
		}
	}
	return float64(okInk) / float64(max(1, nInk)), float64(okPaper) / float64(max(1, nPaper))
}
