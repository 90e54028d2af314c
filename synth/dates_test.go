package synth

import "testing"

func TestNumberWords(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "không"},
		{5, "năm"},
		{10, "mười"},
		{15, "mười lăm"},
		{21, "hai mươi mốt"},
		{24, "hai mươi tư"},
		{31, "ba mươi mốt"},
		{1905, "một nghìn chín trăm linh năm"},
		{1975, "một nghìn chín trăm bảy mươi lăm"},
		{1996, "một nghìn chín trăm chín mươi sáu"},
		{2004, "hai nghìn không trăm linh bốn"},
		{2010, "hai nghìn không trăm mười"},
	}
	for _, tc := range tests {
		if got := numberWords(tc.n); got != tc.want {
			t.Errorf("numberWords(%d): got %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestDateInWords(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    string
	}{
		{1996, 6, 8, "Ngày mồng tám tháng sáu năm một nghìn chín trăm chín mươi sáu"},
		{1987, 4, 21, "Ngày hai mươi mốt tháng tư năm một nghìn chín trăm tám mươi bảy"},
		{1980, 12, 15, "Ngày mười lăm tháng mười hai năm một nghìn chín trăm tám mươi"},
	}
	for _, tc := range tests {
		if got := dateInWords(date(tc.y, tc.m, tc.d)); got != tc.want {
			t.Errorf("dateInWords(%d-%d-%d): got %q, want %q", tc.y, tc.m, tc.d, got, tc.want)
		}
	}
}
