package spelling

import "testing"

func TestSameSpelling(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Hoá Thượng", "Hóa Thượng", true},
		{"BÀ RỊA - VŨNG TÀU", "Bà Rịa – Vũng Tàu", true},
		{"Lũng Chỉnh", "Lũng Chinh", false},
		{"Thuợng", "Thượng", false},
		{"Thái Nguyễn", "Thái Nguyên", false},
		{"Gia Sàng", "Gia Sàng Mới", false},
	}
	for _, tc := range tests {
		if got := SameSpelling(tc.a, tc.b); got != tc.want {
			t.Errorf("sameSpelling(%q, %q): got %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
	if HasMarks("Gia Sang") || !HasMarks("Gia Sàng") || !HasMarks("Đông") {
		t.Error("hasMarks: wrong for Gia Sang / Gia Sàng / Đông")
	}
}
