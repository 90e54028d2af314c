package imaging

// Tests that the fast paths give exactly what the implementations they replaced
// (reference_test.go) or their plain definitions give.

import (
	"image"
	"slices"
	"testing"
)

func TestSauvolaMatchesReference(t *testing.T) {
	for _, tc := range []struct {
		name   string
		w, h   int
		window int
	}{{"tiny", 3, 3, 31}, {"odd sizes", 101, 77, 15}, {"even sizes", 96, 64, 31}, {"window wider than page", 20, 90, 63}} {
		t.Run(tc.name, func(t *testing.T) {
			g := uniform(tc.w, tc.h, 170)
			addNoise(g, 60, uint64(tc.w))
			got, want := Sauvola(g, tc.window, 0.2, 128), sauvolaRef(g, tc.window, 0.2, 128)
			for i := range want.Pix {
				if got.Pix[i] != want.Pix[i] {
					t.Fatalf("pixel %d: got %d, want %d", i, got.Pix[i], want.Pix[i])
				}
			}
		})
	}
}

func TestTileStatsMatchesReference(t *testing.T) {
	for _, w := range []int{3, 64, 65, 130, 301} {
		g := uniform(w+4, 150, 128)
		addNoise(g, 70, uint64(w))
		sub := g.SubImage(image.Rect(2, 0, 2+w, 150)).(*image.Gray)
		for _, op := range []int{opLaplacian, opImmerkaer} {
			got, want := tileStats(sub, op, 2), tileStatsRef(sub, op, 2)
			if !slices.Equal(got, want) {
				t.Errorf("width %d, op %d: got %v, want %v", w, op, got, want)
			}
		}
	}
}

func TestMedian3LUTCommutes(t *testing.T) {
	for _, w := range []int{5, 8, 203} {
		g := uniform(w+3, 41, 128)
		addNoise(g, 70, uint64(w))
		sub := g.SubImage(image.Rect(2, 1, 2+w, 40)).(*image.Gray)
		lut := stretchLUT(histogram(sub), 0.05, 0.9)
		got := median3LUT(sub, lut)
		for name, want := range map[string]*image.Gray{
			"median then LUT": applyLUT(Median3(sub), lut),
			"LUT then median": Median3(applyLUT(sub, lut)),
		} {
			for i := range want.Pix {
				if got.Pix[i] != want.Pix[i] {
					t.Fatalf("width %d, %s, pixel %d: got %d, want %d", w, name, i, got.Pix[i], want.Pix[i])
				}
			}
		}
	}
}

func TestBoxLineMatchesReference(t *testing.T) {
	for _, n := range []int{1, 2, 7, 50} {
		for rad := 1; rad <= 12; rad++ {
			for _, step := range []int{1, 3} {
				v := make([]int32, n*step)
				for i := range v {
					v[i] = int32(i*7919+rad*31) % 256
				}
				want := slices.Clone(v)
				boxLine(v, step, make([]int32, n), rad, boxRecip(rad))
				boxLineRef(want, step, make([]int32, n), rad)
				if !slices.Equal(v, want) {
					t.Fatalf("n %d, rad %d, step %d: got %v, want %v", n, rad, step, v, want)
				}
			}
		}
	}
}

func TestDespeckleMatchesReference(t *testing.T) {
	for _, w := range []int{1, 9, 120} {
		g := uniform(w+3, 90, 200)
		addNoise(g, 80, uint64(w))
		sub := g.SubImage(image.Rect(1, 2, 1+w, 90)).(*image.Gray)
		bin := Sauvola(sub, 15, 0.2, 128)
		for _, size := range []int{1, 4, 12} {
			got, want := cloneGray(bin), cloneGray(bin)
			Despeckle(got, size)
			despeckleRef(want, size)
			if !slices.Equal(got.Pix, want.Pix) {
				t.Errorf("width %d, size %d: got different pixels", w, size)
			}
		}
	}
}

func TestHistogramCountsEveryPixel(t *testing.T) {
	for _, w := range []int{1, 3, 4, 7, 130} {
		g := uniform(w+5, 23, 128)
		addNoise(g, 70, uint64(w))
		sub := g.SubImage(image.Rect(3, 2, 3+w, 21)).(*image.Gray)
		var want [256]int
		for y := 2; y < 21; y++ {
			for x := 3; x < 3+w; x++ {
				want[g.GrayAt(x, y).Y]++
			}
		}
		if got := histogram(sub); *got != want {
			t.Errorf("width %d: got %v, want %v", w, got, want)
		}
	}
}

func TestDivideByMatchesReference(t *testing.T) {
	for _, tc := range []struct{ w, h, block int }{{3, 3, 1}, {101, 77, 8}, {96, 64, 5}, {40, 200, 9}} {
		g := uniform(tc.w, tc.h, 170)
		addNoise(g, 60, uint64(tc.w))
		low := downscaleMax(g, tc.block)
		got, want := divideBy(g, low, tc.block, tc.w, tc.h), divideByRef(g, low, tc.block, tc.w, tc.h)
		if !slices.Equal(got.Pix, want.Pix) {
			t.Errorf("%d×%d, block %d: pixels differ from the reference", tc.w, tc.h, tc.block)
		}
	}
}

// TestSauvolaLargeK checks that a k above 1, which makes the threshold negative, keeps the
// paper white instead of wrapping the threshold around.
func TestSauvolaLargeK(t *testing.T) {
	g := uniform(40, 40, 100)
	g.Pix[0] = 0
	got := Sauvola(g, 15, 1.5, 128)
	for i, v := range got.Pix {
		if i > 0 && v != 255 {
			t.Fatalf("pixel %d: got %d, want paper (255)", i, v)
		}
	}
}
