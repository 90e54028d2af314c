//go:build !purego

package imaging

// The median filter's two row passes in SSE2 (median_amd64.s), sixteen pixels per
// instruction; every amd64 processor has SSE2. The portable versions in denoise.go serve
// other architectures, and the tests check the two against each other.

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

//go:noescape
func sort3Columns(lo, mid, hi, a, b, c *byte, n int)

//go:noescape
func combine3Columns(out, lo, mid, hi *byte, n int)
