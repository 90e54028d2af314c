package gazetteer

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestUnits(t *testing.T) {
	units, err := Units()
	if err != nil {
		t.Fatal(err)
	}
	count := map[Level]int{}
	byCode := map[string]Unit{}
	for _, u := range units {
		count[u.Level]++
		if _, dup := byCode[u.Code]; dup {
			t.Fatalf("code %s appears twice", u.Code)
		}
		byCode[u.Code] = u
		if !norm.NFC.IsNormalString(u.Name) {
			t.Errorf("name %q is not NFC", u.Name)
		}
	}
	if count[Province] != 63 || count[District] != 696 || count[Commune] != 10047 {
		t.Fatalf("got %v, want 63 provinces, 696 districts, 10047 communes", count)
	}
	for _, u := range units {
		if u.Level == Province {
			continue
		}
		if _, ok := byCode[u.Parent]; !ok {
			t.Fatalf("%s %s: parent %q missing", u.Code, u.Name, u.Parent)
		}
	}
	gs := byCode["05461"]
	if gs.Name != "Phường Gia Sàng" || byCode[byCode[gs.Parent].Parent].Name != "Tỉnh Thái Nguyên" {
		t.Errorf("got 05461 = %q in %q, want Phường Gia Sàng in Tỉnh Thái Nguyên", gs.Name, byCode[byCode[gs.Parent].Parent].Name)
	}
}
