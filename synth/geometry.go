package synth

import (
	"image"
	"math"

	"github.com/sohoa/sohoa/domain"
)

// rotateGray turns img by deg degrees clockwise about its centre, keeping its size; corners
// brought in from outside are paper white. Bilinear sampling on the Pix slice.
func rotateGray(img *image.Gray, deg float64) *image.Gray {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	out := image.NewGray(img.Rect)
	sin, cos := math.Sincos(deg * math.Pi / 180)
	cx, cy := float64(w)/2, float64(h)/2
	src, stride := img.Pix, img.Stride
	for yo := 0; yo < h; yo++ {
		dy := float64(yo) + 0.5 - cy
		// Source of the row's first pixel centre; each step right moves it by (cos, −sin).
		dx := 0.5 - cx
		sx := cx + cos*dx + sin*dy - 0.5
		sy := cy - sin*dx + cos*dy - 0.5
		row := out.Pix[yo*out.Stride : yo*out.Stride+w]
		for xo := range row {
			x0, y0 := math.Floor(sx), math.Floor(sy)
			ix, iy := int(x0), int(y0)
			if ix < 0 || iy < 0 || ix+1 >= w || iy+1 >= h {
				row[xo] = 255
			} else {
				fx, fy := sx-x0, sy-y0
				i := iy*stride + ix
				top := float64(src[i])*(1-fx) + float64(src[i+1])*fx
				bot := float64(src[i+stride])*(1-fx) + float64(src[i+stride+1])*fx
				row[xo] = uint8(top*(1-fy) + bot*fy + 0.5)
			}
			sx += cos
			sy -= sin
		}
	}
	return out
}

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

// blurGray is a separable Gaussian blur on the Pix slice, with the edges clamped.
func blurGray(img *image.Gray, sigma float64) *image.Gray {
	if sigma <= 0 {
		return img
	}
	radius := int(math.Ceil(sigma * 2.5))
	kernel := make([]int32, 2*radius+1)
	var sum float64
	weights := make([]float64, len(kernel))
	for i := range weights {
		d := float64(i - radius)
		weights[i] = math.Exp(-d * d / (2 * sigma * sigma))
		sum += weights[i]
	}
	for i, wgt := range weights {
		kernel[i] = int32(wgt / sum * 65536)
	}
	w, h := img.Rect.Dx(), img.Rect.Dy()
	tmp := image.NewGray(img.Rect)
	out := image.NewGray(img.Rect)
	for y := 0; y < h; y++ {
		src := img.Pix[y*img.Stride : y*img.Stride+w]
		dst := tmp.Pix[y*tmp.Stride : y*tmp.Stride+w]
		for x := range dst {
			var acc int32
			for k, kv := range kernel {
				xx := min(max(x+k-radius, 0), w-1)
				acc += int32(src[xx]) * kv
			}
			dst[x] = uint8(min(acc+32768, 255<<16) >> 16)
		}
	}
	acc := make([]int32, w)
	for y := 0; y < h; y++ {
		dst := out.Pix[y*out.Stride : y*out.Stride+w]
		clear(acc)
		for k, kv := range kernel {
			yy := min(max(y+k-radius, 0), h-1)
			src := tmp.Pix[yy*tmp.Stride : yy*tmp.Stride+w]
			for x, v := range src {
				acc[x] += int32(v) * kv
			}
		}
		for x := range dst {
			dst[x] = uint8(min(acc[x]+32768, 255<<16) >> 16)
		}
	}
	return out
}
