package photo

import (
	"image"
	"slices"
)

func sortFloats(s []float64) { slices.Sort(s) }

// shrink makes the proxy: g reduced by an integer factor, averaging each block.
func shrink(g *image.Gray, f int) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	dw, dh := w/f, h/f
	dst := image.NewGray(image.Rect(0, 0, dw, dh))
	acc := make([]uint32, dw)
	for dy := range dh {
		clear(acc)
		for k := range f {
			row := g.Pix[g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+dy*f+k):][:dw*f]
			for dx := range dw {
				s := uint32(0)
				for _, v := range row[dx*f : dx*f+f] {
					s += uint32(v)
				}
				acc[dx] += s
			}
		}
		out := dst.Pix[dy*dst.Stride:][:dw]
		n := uint32(f * f)
		for dx := range dw {
			out[dx] = uint8((acc[dx] + n/2) / n)
		}
	}
	return dst
}

// rankFilter replaces each pixel with the max (or min) of its (2r+1)² neighbourhood: separable,
// simple, for proxies only.
func rankFilter(g *image.Gray, r int, useMax bool) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	tmp := image.NewGray(g.Rect)
	out := image.NewGray(g.Rect)
	pick := func(a, b uint8) uint8 {
		if useMax == (a > b) {
			return a
		}
		return b
	}
	for y := range h {
		for x := range w {
			v := g.Pix[y*g.Stride+x]
			for k := max(0, x-r); k <= min(w-1, x+r); k++ {
				v = pick(v, g.Pix[y*g.Stride+k])
			}
			tmp.Pix[y*tmp.Stride+x] = v
		}
	}
	for y := range h {
		for x := range w {
			v := tmp.Pix[y*tmp.Stride+x]
			for k := max(0, y-r); k <= min(h-1, y+r); k++ {
				v = pick(v, tmp.Pix[k*tmp.Stride+x])
			}
			out.Pix[y*out.Stride+x] = v
		}
	}
	return out
}

// otsu returns the threshold that best separates the histogram's two classes.
func otsu(hist *[256]int) uint8 {
	total, sum := 0, 0.0
	for i, n := range hist {
		total += n
		sum += float64(i * n)
	}
	var wb, sumB, best float64
	t := uint8(128)
	for i, n := range hist {
		wb += float64(n)
		if wb == 0 {
			continue
		}
		wf := float64(total) - wb
		if wf == 0 {
			break
		}
		sumB += float64(i * n)
		mb, mf := sumB/wb, (sum-sumB)/wf
		if v := wb * wf * (mb - mf) * (mb - mf); v > best {
			best, t = v, uint8(i)
		}
	}
	return t
}

func histogramOf(g *image.Gray) *[256]int {
	var h [256]int
	for y := range g.Rect.Dy() {
		for _, v := range g.Pix[y*g.Stride:][:g.Rect.Dx()] {
			h[v]++
		}
	}
	return &h
}

// percentileOf is the grey level below which a share p of g's pixels lie.
func percentileOf(g *image.Gray, p float64) uint8 {
	h := histogramOf(g)
	total := g.Rect.Dx() * g.Rect.Dy()
	want, n := int(p*float64(total)), 0
	for v, c := range h {
		n += c
		if n > want {
			return uint8(v)
		}
	}
	return 255
}
