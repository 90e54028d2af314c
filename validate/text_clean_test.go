package validate

import "testing"

func TestCleanDropsStrayMarksInside(t *testing.T) {
	tests := []struct{ in, want string }{
		{"bản 3, xã Xuân An, ˆ huyện Yên Lập", "bản 3, xã Xuân An, huyện Yên Lập"},
		{"bản Nga Hoàng, xã , Đồng Thịnh", "bản Nga Hoàng, xã Đồng Thịnh"},
		{"Gia Sàng - Thái Nguyên", "Gia Sàng - Thái Nguyên"},
		{"05 / 03 / 1987", "05 / 03 / 1987"},
		{"Nguyễn ~ Văn · An", "Nguyễn Văn An"},
	}
	for _, tc := range tests {
		if got := clean(tc.in); got != tc.want {
			t.Errorf("clean(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}
