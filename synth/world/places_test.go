package world

import "testing"

func TestOldProvinceNames(t *testing.T) {
	data, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	find := func(code string) *Province {
		for i := range data.provinces {
			if data.provinces[i].Code == code {
				return &data.provinces[i]
			}
		}
		t.Fatalf("no province %s", code)
		return nil
	}
	tests := []struct {
		code string
		year int
		want string
	}{
		{"19", 1990, "tỉnh Bắc Thái"}, // Thái Nguyên
		{"06", 1996, "tỉnh Bắc Thái"}, // Bắc Kạn
		{"19", 1997, "tỉnh Thái Nguyên"},
		{"36", 1985, "tỉnh Hà Nam Ninh"},
		{"36", 1994, "tỉnh Nam Hà"},
		{"46", 1995, "tỉnh Thừa Thiên Huế"},
		{"01", 1990, "thành phố Hà Nội"}, // district 001, Ba Đình
	}
	for _, tc := range tests {
		p := find(tc.code)
		pl := data.PlaceAt(p, &p.Districts[0], p.Districts[0].Communes[0], tc.year)
		if got := pl.ProvinceText(); got != tc.want {
			t.Errorf("province %s in %d: got %q, want %q", tc.code, tc.year, got, tc.want)
		}
	}
}
