//go:build !purego

package imaging

// Inner loops in SSE2 (sse2_amd64.s), sixteen pixels per instruction; every amd64 processor
// has SSE2. The portable versions (the *Go and *SWAR functions next to their callers) serve
// other architectures and -tags purego, and the tests check the two against each other.
// Each wrapper checks the lengths once, so the assembly cannot read or write out of bounds.

// sortColumns sets lo, mid and hi to the sorted values of a, b and c, column by column, over
// the first len(a) columns; len(a) must be a multiple of 16.
func sortColumns(lo, mid, hi, a, b, c []byte) {
	n := len(a)
	if n%16 != 0 || len(b) < n || len(c) < n || len(lo) < n || len(mid) < n || len(hi) < n {
		panic("imaging: sortColumns: bad lengths")
	}
	if n > 0 {
		sort3Columns(&lo[0], &mid[0], &hi[0], &a[0], &b[0], &c[0], n)
	}
}

// combineColumns sets out[x], for x < len(out), to the median of the nine values in the
// sorted triples at columns x, x+1 and x+2; len(out) must be a multiple of 16.
func combineColumns(out, lo, mid, hi []byte) {
	n := len(out)
	if n%16 != 0 || len(lo) < n+2 || len(mid) < n+2 || len(hi) < n+2 {
		panic("imaging: combineColumns: bad lengths")
	}
	if n > 0 {
		combine3Columns(&out[0], &lo[0], &mid[0], &hi[0], n)
	}
}

// lerpRow sets out[i] = (a[i]·(256−f) + b[i]·f + 128) >> 8 for i < len(out), a multiple of 16.
func lerpRow(out, a, b []byte, f int) {
	n := len(out)
	if n%16 != 0 || len(a) < n || len(b) < n || f < 0 || f > 255 {
		panic("imaging: lerpRow: bad arguments")
	}
	if n > 0 {
		lerpRow16(&out[0], &a[0], &b[0], n, f)
	}
}

// blendColumns sets out[i], for i < 16, to (Σ_r src[r·stride+i]·w[16r+i] + 128) >> 8 over the
// len(w)/16 taps r. Each lane's weights must sum to at most 256 (shearRotate's sum to exactly
// 256), or the 16-bit sums of the assembly wrap where the portable version's do not.
func blendColumns(out, src []byte, stride int, w []uint16) {
	taps := len(w) / 16
	if len(out) < 16 || taps < 1 || len(w) != 16*taps || stride < 16 || len(src) < (taps-1)*stride+16 {
		panic("imaging: blendColumns: bad arguments")
	}
	blendColumns16(&out[0], &src[0], stride, taps, &w[0])
}

// thresholdRow sets out[i] to 0 where src[i] ≤ thr[i] and to 255 elsewhere, for i < len(out).
func thresholdRow(out, src, thr []byte) {
	n := len(out)
	if len(src) < n || len(thr) < n {
		panic("imaging: thresholdRow: bad lengths")
	}
	m := n &^ 15
	if m > 0 {
		threshold16(&out[0], &src[0], &thr[0], m)
	}
	thresholdRowGo(out[m:], src[m:n], thr[m:n])
}

// rgbaToGray sets out[i] to the Rec. 601 luma of the RGBA (or NRGBA) pixel src[4i:4i+4], for
// i < len(out), rounded as rgbaToGrayGo rounds it.
func rgbaToGray(out, src []byte) {
	n := len(out)
	if len(src) < 4*n {
		panic("imaging: rgbaToGray: bad lengths")
	}
	m := n &^ 15
	if m > 0 {
		rgbaToGray16(&out[0], &src[0], m)
	}
	rgbaToGrayGo(out[m:], src[4*m:])
}

//go:noescape
func sort3Columns(lo, mid, hi, a, b, c *byte, n int)

//go:noescape
func combine3Columns(out, lo, mid, hi *byte, n int)

//go:noescape
func lerpRow16(out, a, b *byte, n, f int)

//go:noescape
func blendColumns16(out, src *byte, stride, taps int, w *uint16)

//go:noescape
func threshold16(out, src, thr *byte, n int)

//go:noescape
func rgbaToGray16(out, src *byte, n int)
