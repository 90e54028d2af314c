package imaging

// Tests that the SSE2 loops (sse2_amd64.s) give exactly what their portable versions give. With
// -tags purego, or on other architectures, they compare the portable versions with themselves.

import (
	"math/rand/v2"
	"testing"
)

// TestMedianColumnsMatchSWAR checks the row passes Median3 uses on this architecture (SSE2
// on amd64) against the portable eight-byte versions, over every pair of extreme levels.
func TestMedianColumnsMatchSWAR(t *testing.T) {
	const n = 64
	var a, b, c [n]byte
	vals := []uint8{0, 1, 127, 128, 129, 254, 255}
	for i := range n {
		a[i], b[i], c[i] = vals[i%7], vals[i/7%7], vals[(i*5+3)%7]
	}
	var lo, mid, hi, lo2, mid2, hi2 [n + 2]byte
	sortColumns(lo[:], mid[:], hi[:], a[:], b[:], c[:])
	sortColumnsSWAR(lo2[:], mid2[:], hi2[:], a[:], b[:], c[:])
	if lo != lo2 || mid != mid2 || hi != hi2 {
		t.Fatalf("sortColumns: got %v %v %v, want %v %v %v", lo, mid, hi, lo2, mid2, hi2)
	}
	for i := range n {
		if lo[i] > mid[i] || mid[i] > hi[i] || int(lo[i])+int(mid[i])+int(hi[i]) != int(a[i])+int(b[i])+int(c[i]) {
			t.Fatalf("column %d: %d %d %d is not %d %d %d sorted", i, lo[i], mid[i], hi[i], a[i], b[i], c[i])
		}
	}
	var out, out2 [n]byte
	combineColumns(out[:], lo[:], mid[:], hi[:])
	combineColumnsSWAR(out2[:], lo[:], mid[:], hi[:])
	if out != out2 {
		t.Fatalf("combineColumns: got %v, want %v", out, out2)
	}
}

// TestShearKernelsMatchPortable checks the shear passes' inner loops on this architecture
// (SSE2 on amd64) against the portable versions, at the extreme levels and weights.
func TestShearKernelsMatchPortable(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	const n = 64
	a, b := make([]byte, n+1), make([]byte, n+1)
	for i := range a {
		a[i], b[i] = []byte{0, 255, 1, 254, 128}[i%5], uint8(rng.IntN(256))
	}
	for _, f := range []int{0, 1, 127, 128, 255} {
		got, want := make([]byte, n), make([]byte, n)
		lerpRow(got, a, b, f)
		lerpRowGo(want, a, b, f)
		if string(got) != string(want) {
			t.Fatalf("lerpRow f=%d: got %v, want %v", f, got, want)
		}
	}
	for taps := 1; taps <= 5; taps++ {
		const stride = 40
		src := make([]byte, (taps-1)*stride+16)
		for i := range src {
			src[i] = []byte{255, 0, 200}[rng.IntN(3)]
		}
		w := make([]uint16, 16*taps)
		for i := range 16 { // two neighbouring taps per lane, as shearRotate makes them
			r, f := rng.IntN(max(1, taps-1)), uint16(rng.IntN(256))
			if taps == 1 {
				w[i] = 256
				continue
			}
			w[16*r+i], w[16*(r+1)+i] = 256-f, f
		}
		got, want := make([]byte, 16), make([]byte, 16)
		blendColumns(got, src, stride, w)
		blendColumnsGo(want, src, stride, w)
		if string(got) != string(want) {
			t.Fatalf("blendColumns %d taps: got %v, want %v", taps, got, want)
		}
	}
}

func TestThresholdRowMatchesPortable(t *testing.T) {
	for _, n := range []int{0, 5, 16, 37} {
		src, thr := make([]byte, n), make([]byte, n)
		for i := range n {
			src[i], thr[i] = []byte{0, 255, 127, 128, 200}[i%5], []byte{255, 0, 128, 127, 200, 201}[i%6]
		}
		got, want := make([]byte, n), make([]byte, n)
		thresholdRow(got, src, thr)
		thresholdRowGo(want, src, thr)
		if string(got) != string(want) {
			t.Fatalf("%d pixels: got %v, want %v", n, got, want)
		}
		for i := range n {
			if ink := src[i] <= thr[i]; ink != (got[i] == 0) || got[i] != 0 && got[i] != 255 {
				t.Fatalf("pixel %d: %d against threshold %d gave %d", i, src[i], thr[i], got[i])
			}
		}
	}
}

func TestRGBAToGrayMatchesPortable(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	for _, n := range []int{0, 7, 16, 33, 64} {
		src := make([]byte, 4*n)
		for i := range src {
			src[i] = []byte{0, 255, uint8(rng.IntN(256))}[rng.IntN(3)]
		}
		got, want := make([]byte, n), make([]byte, n)
		rgbaToGray(got, src)
		rgbaToGrayGo(want, src)
		if string(got) != string(want) {
			t.Fatalf("%d pixels: got %v, want %v", n, got, want)
		}
	}
	// White stays white and a pure colour keeps image/color's weights.
	out := make([]byte, 16)
	src := make([]byte, 64)
	for i := range 16 {
		copy(src[4*i:], []byte{255, 255, 255, 255})
	}
	copy(src[4:], []byte{0, 255, 0, 255})
	rgbaToGray(out, src)
	if out[0] != 255 || out[1] != 150 {
		t.Errorf("white and green: got %d and %d, want 255 and 150", out[0], out[1])
	}
}
