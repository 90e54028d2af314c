package ocr

import (
	"slices"
	"testing"
)

// A column whose header was read too badly to match takes the one field its neighbours left
// between them; an empty header, or a gap of another size, stays unmapped.
func TestFillBetween(t *testing.T) {
	for _, tc := range []struct {
		name  string
		out   []int
		heads []string
		want  []int
	}{
		{"one between", []int{0, -1, 2, 3}, []string{"so", "hvaxtn", "gioitinh", "ngay"}, []int{0, 1, 2, 3}},
		{"two between", []int{0, -1, -1, 3}, []string{"so", "x", "y", "ngay"}, []int{0, 1, 2, 3}},
		{"empty header", []int{0, -1, 2}, []string{"so", "", "gioitinh"}, []int{0, -1, 2}},
		{"counts differ", []int{0, -1, 3}, []string{"so", "x", "ngay"}, []int{0, -1, 3}},
		{"last column", []int{0, 1, -1}, []string{"so", "ten", "x"}, []int{0, 1, 2}},
	} {
		out := slices.Clone(tc.out)
		fillBetween(out, tc.heads, len(tc.out))
		if !slices.Equal(out, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, out, tc.want)
		}
	}
}
