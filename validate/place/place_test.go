package place

import (
	"strings"
	"sync"
	"testing"

	"github.com/sohoa/sohoa/validate/spelling"
)

var shared = sync.OnceValues(func() (*Index, error) { return New(spelling.NewIndex().Valid) })

// testIndex returns one Index shared by the tests, as the validator shares its own.
func testIndex(tb testing.TB) *Index {
	tb.Helper()
	x, err := shared()
	if err != nil {
		tb.Fatal(err)
	}
	return x
}

func TestOldUnitsData(t *testing.T) {
	x := testIndex(t)
	if len(x.olds) < 20 {
		t.Fatalf("got %d former provinces, want over 20", len(x.olds))
	}
	for _, o := range x.olds {
		if o.from != 0 && (o.from < 1945 || o.to < o.from || o.to > 2025) {
			t.Errorf("%s: years %d–%d out of order", o.name, o.from, o.to)
		}
	}
}

func TestPlaceKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Hoà Bình", "hoa binh"},
		{"Hòa Bình", "hoa binh"},
		{"Bà Rịa - Vũng Tàu", "ba ria vung tau"},
		{"Phan Rang-Tháp Chàm", "phan rang thap cham"},
		{"01", "1"},
		{"10", "10"},
		{"Ia H' Drai", "ia h drai"},
	} {
		if got := placeKey(tc.in); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTidyPlace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"đội 2, xã Tân An, huyện Thanh. Hà", "đội 2, xã Tân An, huyện Thanh Hà"},
		{"ấp Trung An, xã- Quới An, huyện Vũng Liêm", "ấp Trung An, xã Quới An, huyện Vũng Liêm"},
		{"bản Xuân Viên, xã Đồng Thịnh, .huyện Yên Lập", "bản Xuân Viên, xã Đồng Thịnh, huyện Yên Lập"},
		{"đội..3, xã Nà Phòn", "đội 3, xã Nà Phòn"},
		{"huyện Mộ Đức, -tỉnh Quảng Ngãi", "huyện Mộ Đức, tỉnh Quảng Ngãi"},
		{"xóm LỘC Bổn, xã Lộc Vĩnh", "xóm Lộc Bổn, xã Lộc Vĩnh"},
		{"xóm Ba Vinh, 'xã Ba Vinh", "xóm Ba Vinh, xã Ba Vinh"},
		{"xóm Tòng Sành, xã - Nậm Chạc, huyện Bát xát", "xóm Tòng Sành, xã Nậm Chạc, huyện Bát Xát"},
		{"XÓM 2, XÃ TÂN AN", "XÓM 2, XÃ TÂN AN"}, // all in capitals: left for the gazetteer
		{"phường 1, TP. HỒ CHÍ MINH", "phường 1, TP. Hồ Chí Minh"},
		{"xã Tân An huyện Thanh Hà tỉnh Hải Dương", "xã Tân An huyện Thanh Hà tỉnh Hải Dương"},
		{"phường 5 quận 3", "phường 5 quận 3"},
		{"KP. 3, phường 2", "KP. 3, phường 2"},
		{"xã Tân An, huyện Thanh Hà - Hải Dương", "xã Tân An, huyện Thanh Hà - Hải Dương"},
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

func TestFixTypeWords(t *testing.T) {
	for _, tc := range []struct{ in, want, fixed string }{
		{"tố 6, phường Phước Thới", "tổ 6, phường Phước Thới", "tố"},
		{"xóm 2, xă Tân An", "xóm 2, xã Tân An", "xă"},
		{"xóm 2, thón 3", "xóm 2, thôn 3", "thón"},
		{"bẩn Lam Điền, xã Hoàng Văn Thụ", "bản Lam Điền, xã Hoàng Văn Thụ", "bẩn"},
		{"gần chợ, xã Tân An", "gần chợ, xã Tân An", ""},                     // lower case, but no name follows
		{"xà Phiên, Long Mỹ, Hậu Giang", "xà Phiên, Long Mỹ, Hậu Giang", ""}, // the commune Xà Phiên
		{"quán Thánh, Ba Đình, Hà Nội", "quán Thánh, Ba Đình, Hà Nội", ""},   // the ward Quán Thánh
		// Names that fold like a type word are kept.
		{"Tô Hiến Thành, phường 12", "Tô Hiến Thành, phường 12", ""},
		{"Tĩnh Gia, Thanh Hóa", "Tĩnh Gia, Thanh Hóa", ""},
		{"Dương Khuê, phường Mai Dịch", "Dương Khuê, phường Mai Dịch", ""},
		{"thôn 2, xã Tân An, huyện Thanh Hà", "thôn 2, xã Tân An, huyện Thanh Hà", ""},
		{"tổ 6, phố Huế", "tổ 6, phố Huế", ""},
		{"thon 3, xa Tan An", "thon 3, xa Tan An", ""}, // no marks at all: matched folded later
	} {
		x := testIndex(t)
		got, fixed := fixTypeWords(tc.in, x.syllable, x.known)
		if got != tc.want || strings.Join(fixed, ",") != tc.fixed {
			t.Errorf("fixTypeWords(%q): got %q %q, want %q %q", tc.in, got, fixed, tc.want, tc.fixed)
		}
	}
}
