package imaging

import "image"

// FlattenBackground evens out lighting, yellowing and stains: it estimates the paper brightness
// everywhere and divides each pixel by it, so the paper becomes white (255) and the ink keeps
// its contrast relative to the paper around it.
//
// The background is estimated at low resolution: block maxima (which drop thin strokes), a grey
// closing whose window is at least window pixels (which drops any ink feature thinner than
// that but keeps larger stains and shadows at their own size), and a blur. A
// window of about a sixth of an inch (50 px at 300 dpi) is wider than any pen stroke.
func FlattenBackground(g *image.Gray, window int) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	block := max(1, window/6)
	low := downscaleMax(g, block)
	rad := max(1, (window/block+1)/2)
	low = minFilter(maxFilter(low, rad), rad)
	if low.Rect.Dx() > 2 && low.Rect.Dy() > 2 {
		low = boxBlur(low, max(1, rad/2))
	}
	return divideBy(g, low, block, w, h)
}

// divideBy computes min(255, 255·g/bg) where bg is the low-resolution background (one pixel per
// block×block area) upsampled bilinearly on the fly, one row at a time.
func divideBy(g, low *image.Gray, block, w, h int) *image.Gray {
	dst := image.NewGray(image.Rect(0, 0, w, h))
	lw, lh := low.Rect.Dx(), low.Rect.Dy()
	var recip [256]uint32 // 255·2¹⁶/b, so 255·v/b = v·recip[b] >> 16
	for b := 1; b < 256; b++ {
		recip[b] = (255<<16 + uint32(b)/2) / uint32(b)
	}
	recip[0] = recip[1]
	// Horizontal sample positions and 8-bit weights, the same for every row.
	xi := make([]int32, w)
	xw := make([]uint32, w)
	for x := range w {
		i, f := lowCoord(x, block, lw)
		xi[x], xw[x] = int32(i), f
	}
	// Two low-resolution rows interpolated across the page (×256); they change only every
	// block rows, so each pixel costs one vertical interpolation. Interpolating across first
	// and then down gives exactly the same sums as the other way round.
	across := func(dst []uint32, i int) {
		r := low.Pix[i*low.Stride:][:lw]
		for x := range dst {
			j, f := xi[x], xw[x]
			next := r[min(int(j)+1, lw-1)]
			dst[x] = uint32(r[j])*(256-f) + uint32(next)*f
		}
	}
	top, bot := make([]uint32, w), make([]uint32, w)
	row0 := -1
	for y := 0; y < h; y++ {
		i, fy := lowCoord(y, block, lh)
		if i != row0 {
			across(top, i)
			across(bot, min(i+1, lh-1))
			row0 = i
		}
		src := g.Pix[g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+y):][:w]
		out := dst.Pix[y*dst.Stride : y*dst.Stride+w]
		t, b := top[:len(src)], bot[:len(src)]
		for x, v := range src {
			bg := (t[x]*(256-fy) + b[x]*fy) >> 16
			out[x] = uint8(min(255, (uint32(v)*recip[bg]+1<<15)>>16))
		}
	}
	return dst
}

// lowCoord maps full-resolution coordinate p to the low-resolution sample index to its left
// (clamped) and an 8-bit weight for the next sample; samples sit at block centres.
func lowCoord(p, block, n int) (int, uint32) {
	f := (float64(p)+0.5)/float64(block) - 0.5
	if f <= 0 {
		return 0, 0
	}
	if f >= float64(n-1) {
		return n - 1, 0
	}
	i := int(f)
	return i, uint32((f - float64(i)) * 256)
}

// maxFilter and minFilter are separable square rank filters of radius rad, for small images.
func maxFilter(g *image.Gray, rad int) *image.Gray { return rankFilter(g, rad, true) }
func minFilter(g *image.Gray, rad int) *image.Gray { return rankFilter(g, rad, false) }

func rankFilter(g *image.Gray, rad int, useMax bool) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	// Horizontal pass into an int32 buffer, then vertical pass. The images are small (a few
	// hundred pixels a side), so the O(rad) inner loops are cheap.
	tmp := make([]int32, w*h)
	for y := 0; y < h; y++ {
		src := g.Pix[g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+y):][:w]
		out := tmp[y*w : (y+1)*w]
		for x := range out {
			v := int32(src[x])
			win := src[max(0, x-rad):min(w, x+rad+1)]
			if useMax {
				for _, u := range win {
					v = max32(v, int32(u))
				}
			} else {
				for _, u := range win {
					v = min32(v, int32(u))
				}
			}
			out[x] = v
		}
	}
	dst := image.NewGray(image.Rect(0, 0, w, h))
	acc := make([]int32, w)
	for y := 0; y < h; y++ {
		copy(acc, tmp[y*w:(y+1)*w])
		for k := max(0, y-rad); k <= min(h-1, y+rad); k++ {
			in := tmp[k*w : (k+1)*w][:len(acc)]
			if useMax {
				for x, u := range in {
					acc[x] = max32(acc[x], u)
				}
			} else {
				for x, u := range in {
					acc[x] = min32(acc[x], u)
				}
			}
		}
		out := dst.Pix[y*dst.Stride:][:w]
		for x := range out {
			out[x] = uint8(acc[x])
		}
	}
	return dst
}

// boxBlur smooths a small image with radius-rad box filters applied twice in each direction,
// close to a Gaussian of sigma ≈ 1.15·rad. (dimg.Blur does the same job through NRGBA and
// float kernels and took ~40 ms on a 310×438 background; this takes well under 1 ms.)
func boxBlur(g *image.Gray, rad int) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	buf := make([]int32, w*h)
	for y := 0; y < h; y++ {
		src := g.Pix[g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+y):][:w]
		for x, v := range src {
			buf[y*w+x] = int32(v)
		}
	}
	line := make([]int32, max(w, h))
	recip := boxRecip(rad)
	for range 2 {
		for y := 0; y < h; y++ {
			boxLine(buf[y*w:(y+1)*w], 1, line[:w], rad, recip)
		}
		for x := 0; x < w; x++ {
			boxLine(buf[x:], w, line[:h], rad, recip)
		}
	}
	dst := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		out := dst.Pix[y*dst.Stride:][:w]
		for x := range out {
			out[x] = uint8(buf[y*w+x])
		}
	}
	return dst
}

// boxLine replaces the len(tmp) values v[0], v[step], … by their running mean over
// [i-rad, i+rad], clipped at the ends, using tmp as scratch; recip is boxRecip(rad).
func boxLine(v []int32, step int, tmp []int32, rad int, recip []uint64) {
	n := len(tmp)
	for i := range tmp {
		tmp[i] = v[i*step]
	}
	var sum int32
	for i := 0; i < min(rad, n); i++ {
		sum += tmp[i]
	}
	for i := 0; i < n; i++ {
		if j := i + rad; j < n {
			sum += tmp[j]
		}
		if j := i - rad - 1; j >= 0 {
			sum -= tmp[j]
		}
		cnt := int32(min(n, i+rad+1) - max(0, i-rad))
		v[i*step] = int32((uint64(sum+cnt/2) * recip[cnt]) >> 32)
	}
}

// boxRecip holds ⌈2³²/c⌉ for the window sizes c of a radius-rad box filter, so that
// ⌊s/c⌋ = s·⌈2³²/c⌉ >> 32: exact while s·c < 2³², which holds for sums of bytes over windows
// narrower than 4096. A division per value was most of boxBlur's time.
func boxRecip(rad int) []uint64 {
	r := make([]uint64, 2*rad+2)
	for c := 1; c < len(r); c++ {
		r[c] = (1<<32 + uint64(c) - 1) / uint64(c)
	}
	return r
}
