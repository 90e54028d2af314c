package gazetteer

import "testing"

// A commune is found by its name typed any way, with its district, province and the unit it
// became in 2025 (issue 12, point 16).
func TestSearchCommuneByName(t *testing.T) {
	d, err := NewDirectory()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"Gia Sàng", "gia sang", "GIA SANG thai nguyen", "05461"} {
		got := d.Search(q, 10)
		if len(got) == 0 {
			t.Fatalf("%q: nothing found", q)
		}
		m := got[0]
		if m.Code != "05461" || m.Name != "Phường Gia Sàng" || m.District != "Thành phố Thái Nguyên" || m.Province != "Tỉnh Thái Nguyên" {
			t.Errorf("%q: got %+v first, want Phường Gia Sàng, Thành phố Thái Nguyên, Tỉnh Thái Nguyên, 05461", q, m)
		}
		if m.After == nil || *m.After != (NewUnit{Code: "05467", Name: "Phường Gia Sàng", Province: "Tỉnh Thái Nguyên"}) {
			t.Errorf("%q: after 2025 got %+v, want Phường Gia Sàng 05467, Tỉnh Thái Nguyên", q, m.After)
		}
	}
	// Bắc Kạn joined Thái Nguyên in 2025.
	got := d.Search("Đức Xuân", 10)
	found := false
	for _, m := range got {
		if m.Province == "Tỉnh Bắc Kạn" {
			found = true
			if m.NewProvince != "Tỉnh Thái Nguyên" {
				t.Errorf("%s of Bắc Kạn: new province %q, want Tỉnh Thái Nguyên", m.Name, m.NewProvince)
			}
		}
	}
	if !found {
		t.Errorf("Đức Xuân: got %+v, want a commune of Bắc Kạn", got)
	}
	if got := d.Search("khong co xa nay", 10); len(got) != 0 {
		t.Errorf("nonsense: got %+v, want nothing", got)
	}
	if got := Fold("  Đắk  LẮK "); got != "dak lak" {
		t.Errorf("Fold: got %q, want %q", got, "dak lak")
	}
}
