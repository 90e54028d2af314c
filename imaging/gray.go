package imaging

import (
	"image"
	"image/color"

	dimg "github.com/disintegration/imaging"
)

// Grayscale converts img to an 8-bit grey image whose bounds start at (0, 0), using the
// Rec. 601 luma weights. It always returns a new image, so callers may modify the result.
func Grayscale(img image.Image) *image.Gray {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	dst := image.NewGray(image.Rect(0, 0, w, h))
	switch src := img.(type) {
	case *image.Gray:
		for y := 0; y < h; y++ {
			copy(dst.Pix[y*dst.Stride:y*dst.Stride+w], src.Pix[src.PixOffset(b.Min.X, b.Min.Y+y):])
		}
	case *image.YCbCr:
		// The Y plane of a JPEG is already the luma we want.
		for y := 0; y < h; y++ {
			copy(dst.Pix[y*dst.Stride:y*dst.Stride+w], src.Y[src.YOffset(b.Min.X, b.Min.Y+y):])
		}
	case *image.RGBA:
		rgbToGray(dst, src.Pix, src.Stride, src.PixOffset(b.Min.X, b.Min.Y))
	case *image.NRGBA:
		// Scans have no transparency; treat the colour channels as opaque.
		rgbToGray(dst, src.Pix, src.Stride, src.PixOffset(b.Min.X, b.Min.Y))
	case *image.Gray16:
		for y := 0; y < h; y++ {
			row := src.Pix[src.PixOffset(b.Min.X, b.Min.Y+y):]
			out := dst.Pix[y*dst.Stride : y*dst.Stride+w]
			for x := range out {
				out[x] = row[2*x] // high byte
			}
		}
	default:
		// Rare formats (paletted, CMYK, 16-bit colour): the slow generic path is fine.
		for y := 0; y < h; y++ {
			out := dst.Pix[y*dst.Stride : y*dst.Stride+w]
			for x := range out {
				out[x] = color.GrayModel.Convert(img.At(b.Min.X+x, b.Min.Y+y)).(color.Gray).Y
			}
		}
	}
	return dst
}

// rgbToGray fills dst from 4-byte-per-pixel RGB(A) data starting at off.
func rgbToGray(dst *image.Gray, pix []uint8, stride, off int) {
	w, h := dst.Rect.Dx(), dst.Rect.Dy()
	for y := 0; y < h; y++ {
		row := pix[off+y*stride : off+y*stride+4*w]
		out := dst.Pix[y*dst.Stride : y*dst.Stride+w]
		for x := range out {
			p := row[4*x : 4*x+3 : 4*x+3]
			// 19595+38470+7471 = 65536, the weights image/color uses.
			out[x] = uint8((19595*uint32(p[0]) + 38470*uint32(p[1]) + 7471*uint32(p[2]) + 1<<15) >> 16)
		}
	}
}

// cloneGray returns a copy of g with bounds starting at (0, 0).
func cloneGray(g *image.Gray) *image.Gray { return Grayscale(g) }

// downscaleMean shrinks g by an integer factor f, averaging each f×f block (partial blocks at
// the right and bottom edges average what they have).
func downscaleMean(g *image.Gray, f int) *image.Gray {
	if f == 2 {
		return halve(g)
	}
	return downscaleBlocks(g, f, false)
}

// halve is downscaleMean for f = 2, the common case (a 300-dpi page measured at 150 dpi).
func halve(g *image.Gray) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	dw, dh := (w+1)/2, (h+1)/2
	dst := image.NewGray(image.Rect(0, 0, dw, dh))
	for dy := 0; dy < dh; dy++ {
		r0 := g.Pix[g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+2*dy):][:w]
		r1 := g.Pix[g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+min(2*dy+1, h-1)):][:w]
		out := dst.Pix[dy*dst.Stride:][:dw]
		for i := range w / 2 {
			out[i] = uint8((uint32(r0[2*i]) + uint32(r0[2*i+1]) + uint32(r1[2*i]) + uint32(r1[2*i+1]) + 2) >> 2)
		}
		if w%2 == 1 {
			out[dw-1] = uint8((uint32(r0[w-1]) + uint32(r1[w-1]) + 1) >> 1)
		}
	}
	return dst
}

// downscaleMax shrinks g by an integer factor f, keeping the brightest pixel of each block: on a
// page that keeps the paper and drops thin dark strokes.
func downscaleMax(g *image.Gray, f int) *image.Gray {
	return downscaleBlocks(g, f, true)
}

func downscaleBlocks(g *image.Gray, f int, useMax bool) *image.Gray {
	if f <= 1 {
		return cloneGray(g)
	}
	if useMax && f == 8 && g.Rect.Dx() >= 8 {
		return downscaleMax8(g)
	}
	return downscaleBlocksGeneric(g, f, useMax)
}

// downscaleBlocksGeneric works for any block size, one pixel at a time.
func downscaleBlocksGeneric(g *image.Gray, f int, useMax bool) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	dw, dh := (w+f-1)/f, (h+f-1)/f
	dst := image.NewGray(image.Rect(0, 0, dw, dh))
	acc := make([]int32, dw)
	idx := make([]int32, w) // block of each column, to avoid a division per pixel
	for x := range idx {
		idx[x] = int32(x / f)
	}
	for dy := 0; dy < dh; dy++ {
		clear(acc)
		y0, y1 := dy*f, min((dy+1)*f, h)
		for y := y0; y < y1; y++ {
			row := g.Pix[g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+y):][:len(idx)]
			if useMax {
				for x, v := range row {
					i := idx[x]
					acc[i] = max32(acc[i], int32(v))
				}
			} else {
				for x, v := range row {
					acc[idx[x]] += int32(v)
				}
			}
		}
		out := dst.Pix[dy*dst.Stride:][:dw]
		for i := range out {
			if useMax {
				out[i] = uint8(acc[i])
			} else {
				n := int32((min((i+1)*f, w) - i*f) * (y1 - y0))
				out[i] = uint8((acc[i] + n/2) / n)
			}
		}
	}
	return dst
}

// downscaleMax8 is downscaleMax for blocks of 8, eight pixels at a time: the byte-wise maximum
// of the block's rows, then of the eight bytes of each word.
func downscaleMax8(g *image.Gray) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	dw, dh := (w+7)/8, (h+7)/8
	dst := image.NewGray(image.Rect(0, 0, dw, dh))
	words := w / 8
	acc := make([]uint64, words)
	tail := make([]uint8, dw) // the last partial block when w is not a multiple of 8
	for dy := 0; dy < dh; dy++ {
		clear(acc)
		clear(tail)
		for y := dy * 8; y < min(dy*8+8, h); y++ {
			row := g.Pix[g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+y):][:w]
			for i := range acc {
				acc[i] = maxBytes(acc[i], load8(row[8*i:]))
			}
			for x := 8 * words; x < w; x++ {
				tail[dw-1] = max(tail[dw-1], row[x])
			}
		}
		out := dst.Pix[dy*dst.Stride:][:dw]
		for i, v := range acc {
			v = maxBytes(v, v>>32)
			v = maxBytes(v, v>>16)
			v = maxBytes(v, v>>8)
			out[i] = uint8(v)
		}
		if words < dw {
			out[dw-1] = tail[dw-1]
		}
	}
	return dst
}

// toGrayFast converts the NRGBA images dimg returns back to grey; their channels are equal
// when the input was grey, so taking the green channel is exact.
func toGrayFast(n *image.NRGBA) *image.Gray {
	w, h := n.Rect.Dx(), n.Rect.Dy()
	dst := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		row := n.Pix[y*n.Stride : y*n.Stride+4*w]
		out := dst.Pix[y*dst.Stride : y*dst.Stride+w]
		for x := range out {
			out[x] = row[4*x+1]
		}
	}
	return dst
}

// blurGray applies dimg's Gaussian blur to a (small) grey image.
func blurGray(g *image.Gray, sigma float64) *image.Gray {
	return toGrayFast(dimg.Blur(g, sigma))
}

// histogram counts the grey levels of g.
func histogram(g *image.Gray) *[256]int {
	var hist [256]int
	w, h := g.Rect.Dx(), g.Rect.Dy()
	for y := 0; y < h; y++ {
		for _, v := range g.Pix[y*g.Stride : y*g.Stride+w] {
			hist[v]++
		}
	}
	return &hist
}

// percentile returns the smallest level at or below which at least p (0..1) of the pixels lie.
func percentile(hist *[256]int, p float64) int {
	total := 0
	for _, c := range hist {
		total += c
	}
	want := int(p * float64(total))
	sum := 0
	for v, c := range hist {
		sum += c
		if sum > want {
			return v
		}
	}
	return 255
}
