package gazetteer

import "testing"

func TestSplitName(t *testing.T) {
	for _, tc := range []struct{ in, typ, bare string }{
		{"Phường Gia Sàng", "Phường", "Gia Sàng"},
		{"Thành Phố Bắc Kạn", "Thành phố", "Bắc Kạn"}, // the list's own capitalisation varies
		{"Thị trấn Mường Chà", "Thị trấn", "Mường Chà"},
		{"Tỉnh Thái Nguyên", "Tỉnh", "Thái Nguyên"},
		{"Xã", "", "Xã"},
		{"Bệnh viện C", "", "Bệnh viện C"},
	} {
		if typ, bare := SplitName(tc.in); typ != tc.typ || bare != tc.bare {
			t.Errorf("SplitName(%q): got %q, %q, want %q, %q", tc.in, typ, bare, tc.typ, tc.bare)
		}
	}
}
