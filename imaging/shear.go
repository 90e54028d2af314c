package imaging

import (
	"image"
	"math"
)

// maxShearDeg is the largest turn shearRotate makes; beyond it the shears distort too much.
const maxShearDeg = 15

// shearRotate turns g counter-clockwise by deg degrees (|deg| ≤ maxShearDeg) about its centre,
// like rotateFill, as two shears with linear interpolation: each source row is shifted
// sideways, then each column up or down. Every shift is constant along its row or column, so
// both passes are plain weighted sums of neighbouring bytes, sixteen at a time (sse2_amd64.s);
// that is several times cheaper than bilinear sampling along slanted lines.
//
// The shears are chosen so that lines parallel to the page's text lines come out exactly
// horizontal and lines across them exactly vertical (so table rules stay straight); the price
// is a stretch by 1/cos(deg) along the lines and a shrink by cos(deg) across them, 0.14% at 3°,
// with the page's area kept. Uncovered areas get grey level fill.
func shearRotate(g *image.Gray, deg float64, fill uint8) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	if deg == 0 || math.IsNaN(deg) || w < 16 || math.Abs(deg) > maxShearDeg {
		return rotateFill(g, deg, fill)
	}
	sin, cos := math.Sincos(deg * math.Pi / 180)
	// Destination (x, y) takes source (x + a·(y' − cy), y') with y' = y + b·(x − cx). For
	// centred coordinates that is the source (X + a·Y', Y'), Y' = Y + b·X; a = −tan and
	// b = sin·cos keep the rotation's directions for the two axes.
	a, b := -sin/cos, sin*cos
	cx, cy := float64(w-1)/2, float64(h-1)/2

	// Pass 1: each row of the source, shifted by a·(y − cy), into a buffer with padY rows of
	// fill above and below, so that pass 2 never reads outside it.
	padX := int(math.Ceil(math.Abs(a)*float64(h)/2)) + 2
	padY := int(math.Ceil(math.Abs(b)*float64(w)/2)) + 2
	mid := make([]uint8, (h+2*padY)*w)
	fillBytes(mid[:padY*w], fill)
	fillBytes(mid[(padY+h)*w:], fill)
	line := make([]uint8, w+2*padX+1)
	fillBytes(line, fill)
	for y := 0; y < h; y++ {
		copy(line[padX:], g.Pix[g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+y):][:w])
		k, f := splitShift(a * (float64(y) - cy))
		src := line[padX+k:]
		out := mid[(padY+y)*w:][:w]
		spans16(w, func(x0, x1 int) { lerpRow(out[x0:x1], src[x0:], src[x0+1:], f) })
	}

	// Pass 2: each column shifted by b·(x − cx), sixteen columns at a time.
	groups := make([]shearGroup, 0, (w+15)/16)
	spans16(w, func(x0, x1 int) {
		for ; x0 < x1; x0 += 16 {
			groups = append(groups, newShearGroup(x0, b, cx))
		}
	})
	dst := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		out := dst.Pix[y*dst.Stride:][:w]
		for _, gr := range groups {
			blendColumns(out[gr.x0:], mid[(padY+y+gr.kmin)*w+gr.x0:], w, gr.w)
		}
	}
	return dst
}

// shearGroup is sixteen columns of pass 2 of shearRotate. Their shifts differ by at most a few
// rows, so the group reads rows kmin … kmax+1 with per-column weights w that are zero except on
// the two rows a column takes.
type shearGroup struct {
	x0, kmin int
	w        []uint16
}

// newShearGroup weighs the columns x0 … x0+15, each shifted by b·(x − cx).
func newShearGroup(x0 int, b, cx float64) shearGroup {
	var ks, fs [16]int
	kmin, kmax := math.MaxInt, math.MinInt
	for i := range 16 {
		ks[i], fs[i] = splitShift(b * (float64(x0+i) - cx))
		kmin, kmax = min(kmin, ks[i]), max(kmax, ks[i])
	}
	taps := kmax - kmin + 2
	wt := make([]uint16, 16*taps)
	for i := range 16 {
		r := ks[i] - kmin
		wt[16*r+i] += uint16(256 - fs[i])
		wt[16*(r+1)+i] += uint16(fs[i])
	}
	return shearGroup{x0, kmin, wt}
}

// splitShift splits a shift into whole pixels k and an 8-bit fraction f: d ≈ k + f/256.
func splitShift(d float64) (k, f int) {
	k = int(math.Floor(d))
	f = int(math.Round((d - float64(k)) * 256))
	if f == 256 {
		k, f = k+1, 0
	}
	return k, f
}

// spans16 calls fn with [x0, x1) covering [0, w) in whole groups of 16 columns, w ≥ 16: all
// the whole groups at once, then, when w is not a multiple of 16, the last 16 columns, which
// overlap the groups before (harmless where fn's output depends only on its inputs).
func spans16(w int, fn func(x0, x1 int)) {
	if n := w &^ 15; n > 0 {
		fn(0, n)
		if n < w {
			fn(w-16, w)
		}
	}
}

func fillBytes(b []uint8, v uint8) {
	for i := range b {
		b[i] = v
	}
}

// lerpRowGo is the portable lerpRow.
func lerpRowGo(out, a, b []byte, f int) {
	if len(out)%16 != 0 || f < 0 || f > 255 {
		panic("imaging: lerpRow: bad arguments")
	}
	a, b = a[:len(out)], b[:len(out)]
	wa, wb := uint32(256-f), uint32(f)
	for i := range out {
		out[i] = uint8((uint32(a[i])*wa + uint32(b[i])*wb + 128) >> 8)
	}
}

// blendColumnsGo is the portable blendColumns, with the same preconditions.
func blendColumnsGo(out, src []byte, stride int, w []uint16) {
	taps := len(w) / 16
	if len(out) < 16 || taps < 1 || len(w) != 16*taps {
		panic("imaging: blendColumns: bad arguments")
	}
	var acc [16]uint32
	for r := range taps {
		row := src[r*stride:][:16]
		for i, v := range row {
			acc[i] += uint32(v) * uint32(w[16*r+i])
		}
	}
	for i := range 16 {
		out[i] = uint8((acc[i] + 128) >> 8)
	}
}
