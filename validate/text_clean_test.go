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

func TestTidyPlace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"đội 2, xã Tân An, huyện Thanh. Hà", "đội 2, xã Tân An, huyện Thanh Hà"},
		{"ấp Trung An, xã- Quới An, huyện Vũng Liêm", "ấp Trung An, xã Quới An, huyện Vũng Liêm"},
		{"bản Xuân Viên, xã Đồng Thịnh, .huyện Yên Lập", "bản Xuân Viên, xã Đồng Thịnh, huyện Yên Lập"},
		{"đội..3, xã Nà Phòn", "đội 3, xã Nà Phòn"},
		// Kept: abbreviations, dashes inside and between names.
		{"tp. Huế, h. Yên Lập", "tp. Huế, h. Yên Lập"},
		{"phường Đông Hải, tp. Phan Rang-Tháp Chàm", "phường Đông Hải, tp. Phan Rang-Tháp Chàm"},
		{"Gia Sàng - Thái Nguyên", "Gia Sàng - Thái Nguyên"},
	}
	for _, tc := range tests {
		if got := tidyPlace(tc.in); got != tc.want {
			t.Errorf("tidyPlace(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestUnusualNameWord(t *testing.T) {
	v := testValidator(t)
	for _, tc := range []struct{ in, suggest string }{
		{"NGUYỄN THỊ DUYỀN", "Nguyễn Thị Duyên"},
		{"Nguyễn Thị Hãi", "Nguyễn Thị Hải"},
		{"Nguyễn Nhật Lình", "Nguyễn Nhật Linh"},
		{"Trinh Thị Hương", "Trịnh Thị Hương"}, // a given name, not a family name
		{"Nguyễn Thi Cầm", "Nguyễn Thị Cầm"},
	} {
		r := v.Check(TypeName, tc.in)
		if len(r.Issues) != 1 || r.Issues[0].Code != CodeUnusualName {
			t.Errorf("%q: got issues %q, want one %s", tc.in, codes(r.Issues), CodeUnusualName)
		}
		if r.Penalty != penaltyUnusualName {
			t.Errorf("%q: got penalty %v, want %v", tc.in, r.Penalty, penaltyUnusualName)
		}
		if len(r.Suggestions) == 0 || r.Suggestions[0] != tc.suggest {
			t.Errorf("%q: got suggestions %q, want %q first", tc.in, r.Suggestions, tc.suggest)
		}
	}
	// Usual names raise nothing, whatever their marks.
	for _, in := range []string{"Nguyễn Thị Duyên", "Cao Thị Tiên", "Nguyễn Văn Nguyên", "Lê Thị Hải", "Đặng Sao. Băng", "Lê Thị Trinh", "Lê Thị Thi"} {
		if r := v.Check(TypeName, in); len(r.Issues) != 0 {
			t.Errorf("%q: got issues %q, want none", in, codes(r.Issues))
		}
	}
	if r := v.Check(TypeName, "Đặng Sao. Băng"); r.Value != "Đặng Sao Băng" {
		t.Errorf("got %q, want the dot dropped", r.Value)
	}
}
