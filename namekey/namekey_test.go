package namekey

import "testing"

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nguyễn Thị Ánh", "nguyen thi anh"},
		{"  ĐẶNG   văn  Đức ", "dang van duc"},
		{"Trương Thị Hường", "truong thi huong"},
		{"Lê-Văn Tý", "le van ty"},
		{"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := Fold(tc.in); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSplitShifts(t *testing.T) {
	tests := []struct {
		name, a, b string
		same       bool
	}{
		{"Vũ/Võ", "Vũ Văn Nam", "Võ Văn Nam", true},
		{"Dương/Giương", "Dương Thị Lan", "Giương Thị Lan", true},
		{"i/y", "Nguyễn Thị Thúy", "Nguyễn Thị Thúi", true},
		{"tone marks", "Nguyễn Văn Hùng", "Nguyẽn Văn Hưng", true},
		{"gi/d given", "Trần Văn Giang", "Trần Văn Dang", true},
		{"different given", "Trần Văn Nam", "Trần Văn Hải", false},
		{"different surname", "Lê Văn Nam", "Lý Văn Nam", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := Split(tc.a), Split(tc.b)
			if (a == b) != tc.same {
				t.Errorf("Split(%q) = %+v, Split(%q) = %+v, same = %v, want %v", tc.a, a, tc.b, b, a == b, tc.same)
			}
		})
	}
	if got, want := Split("Nguyễn Thị Minh Khai").Key(), "nguien thi minh khai"; got != want {
		t.Errorf("Key() = %q, want %q", got, want)
	}
	if got := Split("Lan"); got.Given != "lan" || got.Surname != "" {
		t.Errorf("Split(one word) = %+v, want given only", got)
	}
}
