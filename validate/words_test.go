package validate

import (
	"strings"
	"testing"
)

func TestNumberWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"tam", 8},
		{"muoi", 10},
		{"muoi lam", 15},
		{"muoi mot", 11},
		{"hai muoi", 20},
		{"hai muoi mot", 21},
		{"hai muoi tu", 24},
		{"ham ba", 23},
		{"ba muoi", 30},
		{"mot nghin chin tram chin muoi sau", 1996},
		{"mot ngan chin tram linh nam", 1905},
		{"mot nghin chin tram le tam", 1908},
		{"hai nghin", 2000},
		{"mot chin tam bay", 1987},
		{"chin sau", 96},
	} {
		got, ok := numberWords(strings.Fields(tc.in))
		if !ok || got != tc.want {
			t.Errorf("%q: got %d (%v), want %d", tc.in, got, ok, tc.want)
		}
	}
	for _, in := range []string{"", "xin chao", "hai ba bon", "mot mot mot"} {
		if got, ok := numberWords(strings.Fields(in)); ok {
			t.Errorf("%q: got %d, want no number", in, got)
		}
	}
}

func TestCheckDateInWords(t *testing.T) {
	v := testValidator(t)
	for _, tc := range []struct{ name, in, want string }{
		{"birth register", "Ngày mồng tám tháng sáu năm một nghìn chín trăm chín mươi sáu", "1996-06-08"},
		{"mười lăm, mười hai", "ngày mười lăm tháng mười hai năm một nghìn chín trăm tám mươi bảy", "1987-12-15"},
		{"mốt, giêng, ngàn, tư", "ngày hai mươi mốt tháng giêng năm một ngàn chín trăm năm mươi tư", "1954-01-21"},
		{"năm as five and keyword", "ngày mùng năm tháng năm năm một nghìn chín trăm bảy mươi lăm", "1975-05-05"},
		{"ba mươi tháng tư", "ngày ba mươi tháng tư năm một nghìn chín trăm bảy mươi lăm", "1975-04-30"},
		{"chạp, linh", "ngày mồng một tháng chạp năm một nghìn chín trăm linh năm", "1905-12-01"},
		{"hăm", "ngày hăm ba tháng hai năm một nghìn chín trăm sáu mươi", "1960-02-23"},
		{"year digit by digit", "ngày mồng tám tháng sáu năm một chín chín sáu", "1996-06-08"},
		{"no diacritics", "ngay mong tam thang sau nam mot nghin chin tram chin muoi sau", "1996-06-08"},
		{"capitals", "NGÀY MỒNG TÁM THÁNG SÁU NĂM MỘT NGHÌN CHÍN TRĂM CHÍN MƯƠI SÁU", "1996-06-08"},
		{"rn for m", "Ngày rnồng tám tháng sáu năm một nghìn chín trăm chín rnươi sáu", "1996-06-08"},
		{"damaged word", "Ngày mồng tám tháng sáu năm một nghln chín trăm chín mươi sáu", "1996-06-08"},
		{"digits in a words field", "08/06/1996", "1996-06-08"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := v.Check(TypeDateInWords, tc.in)
			if r.Value != tc.want {
				t.Errorf("got %q, want %q (issues %q)", r.Value, tc.want, codes(r.Issues))
			}
		})
	}
	r := v.Check(TypeDateInWords, "ngày ba mươi tháng hai năm một nghìn chín trăm chín mươi")
	if !hasCode(r.Issues, CodeDateInvalid) {
		t.Errorf("30 February: got %q, want %q", codes(r.Issues), CodeDateInvalid)
	}
	r = v.Check(TypeDateInWords, "ngày tám tháng sáu năm một nghìn chín trăm chín mươi sáu")
	if r.Penalty != 1 {
		t.Errorf("clean words: got penalty %v, want 1", r.Penalty)
	}
	r = v.Check(TypeDateInWords, "Ngày rnồng tám tháng sáu năm một nghìn chín trăm chín mươi sáu")
	if r.Penalty >= 1 {
		t.Errorf("repaired words: got penalty %v, want < 1", r.Penalty)
	}
}
