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
		rgbaToGray(dst.Pix[y*dst.Stride:][:w], pix[off+y*stride:][:4*w])
	}
}

// rgbaToGrayGo is the portable rgbaToGray: the luma of each 4-byte RGB(A) pixel of src.
func rgbaToGrayGo(out, src []byte) {
	src = src[:4*len(out)]
	for x := range out {
		p := src[4*x : 4*x+3 : 4*x+3]
		// 19595+38470+7471 = 65536, the weights image/color uses.
		out[x] = uint8((19595*uint32(p[0]) + 38470*uint32(p[1]) + 7471*uint32(p[2]) + 1<<15) >> 16)
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
	if useMax {
		return downscaleMaxWords(g, f)
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

// downscaleMaxWords is downscaleMax for any block size f ≥ 2, eight columns at a time: the
// byte-wise maximum of the block's rows goes into one row buffer (see swar.go), then each
// block's f columns of that buffer are reduced.
func downscaleMaxWords(g *image.Gray, f int) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	dw, dh := (w+f-1)/f, (h+f-1)/f
	dst := image.NewGray(image.Rect(0, 0, dw, dh))
	words := w / 8
	acc := make([]uint8, w)
	for dy := 0; dy < dh; dy++ {
		copy(acc, g.Pix[g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+dy*f):][:w])
		for y := dy*f + 1; y < min(dy*f+f, h); y++ {
			row := g.Pix[g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+y):][:w]
			for i := range words {
				store8(acc[8*i:], maxBytes(load8(acc[8*i:]), load8(row[8*i:])))
			}
			for x := 8 * words; x < w; x++ {
				acc[x] = max(acc[x], row[x])
			}
		}
		out := dst.Pix[dy*dst.Stride:][:dw]
		i0 := 0
		if f == 8 { // Clean's block at 300 dpi: reduce each word within itself
			for i := range words {
				v := load8(acc[8*i:])
				v = maxBytes(v, v>>32)
				v = maxBytes(v, v>>16)
				v = maxBytes(v, v>>8)
				out[i] = uint8(v)
			}
			i0 = words
		}
		for i := i0; i < dw; i++ {
			m := uint8(0)
			for _, v := range acc[i*f : min(i*f+f, w)] {
				m = max(m, v)
			}
			out[i] = m
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

// histogram counts the grey levels of g. Pages are mostly one level (paper), and counting
// every pixel into one table makes each increment wait for the last one to the same count; four
// tables, one per pixel of each group of four, let the increments overlap.
func histogram(g *image.Gray) *[256]int {
	var hs [4][256]uint32 // a page has fewer than 2³² pixels
	w, h := g.Rect.Dx(), g.Rect.Dy()
	for y := 0; y < h; y++ {
		row := g.Pix[y*g.Stride : y*g.Stride+w]
		n := len(row) &^ 3
		for x := 0; x < n; x += 4 {
			p := row[x : x+4 : x+4]
			hs[0][p[0]]++
			hs[1][p[1]]++
			hs[2][p[2]]++
			hs[3][p[3]]++
		}
		for _, v := range row[n:] {
			hs[0][v]++
		}
	}
	var hist [256]int
	for v := range hist {
		hist[v] = int(hs[0][v]) + int(hs[1][v]) + int(hs[2][v]) + int(hs[3][v])
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
