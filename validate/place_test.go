package validate

import (
	"slices"
	"testing"

	"github.com/sohoa/sohoa/validate/place"
)

func TestCheckPlace(t *testing.T) {
	v := testValidator(t)
	for _, tc := range []struct {
		name, in                    string
		commune, district, province string // codes in the 03/2025 gazetteer; "" = unresolved
		former                      string
		codes                       []string
	}{
		{"full, old province", "xã Gia Sàng, thành phố Thái Nguyên, tỉnh Bắc Thái",
			"05461", "164", "19", "Bắc Thái (1965–1996)", []string{place.CodeOld}},
		{"dashes, no types", "Gia Sàng - Thái Nguyên - Bắc Thái",
			"05461", "164", "19", "Bắc Thái (1965–1996)", []string{place.CodeOld}},
		{"no diacritics", "xa Gia Sang, TP Thai Nguyen, tinh Bac Thai",
			"05461", "164", "19", "Bắc Thái (1965–1996)", []string{place.CodeOld}},
		{"Bắc Thái, Bắc Kạn side", "huyện Chợ Đồn, tỉnh Bắc Thái",
			"", "064", "06", "Bắc Thái (1965–1996)", []string{place.CodeOld}},
		{"old province alone", "Bắc Thái", "", "", "", "Bắc Thái (1965–1996)", []string{place.CodeOld}},
		// "Hoá" is the old tone placement of Hóa (fine); "Thuợng" lacks the horn of Thượng.
		{"hamlet, tone misplaced, horn lost", "Thôn 3, xã Hoá Thuợng, Đồng Hỷ, Bắc Thái",
			"05692", "169", "19", "Bắc Thái (1965–1996)", []string{place.CodeOld, place.CodeSpelling}},
		{"old tone placement only", "xã Hoá Thượng, huyện Đồng Hỷ, tỉnh Thái Nguyên", "05692", "169", "19", "", nil},
		{"province alone", "Thái Nguyên", "", "", "19", "", nil},
		{"hyphenated province", "Bà Rịa - Vũng Tàu", "", "", "77", "", nil},
		{"numbered units", "Phường 1, Quận 3, TP. Hồ Chí Minh", "27160", "770", "79", "", nil},
		{"Hà Sơn Bình by district", "huyện Lương Sơn, tỉnh Hà Sơn Bình", "", "152", "17", "Hà Sơn Bình (1976–1991)", []string{place.CodeOld}},
		{"Nghệ Tĩnh", "Thành phố Vinh, Nghệ Tĩnh", "", "412", "40", "Nghệ Tĩnh (1976–1991)", []string{place.CodeOld}},
		{"older spelling", "Chợ Đồn, Bắc Cạn", "", "064", "06", "", nil},
		{"misspelt province", "huyện Đồng Hỷ, tỉnh Thái Nguyễn", "", "169", "19", "", []string{place.CodeSpelling}},
		{"misspelt commune", "xã Hoá Thượmg, huyện Đồng Hỷ, tỉnh Thái Nguyên", "05692", "169", "19", "",
			[]string{place.CodeSpelling}},
		{"current name beats the former province", "Hậu Giang", "", "", "93", "", nil},
		{"type word decides", "huyện Long Mỹ, tỉnh Hậu Giang", "", "936", "93", "", nil},
		// Phú Thượng has since left Phú Vang for the city of Huế: the district written wins.
		{"commune moved since", "xã Phú Thượng, huyện Phú Vang, Bình Trị Thiên", "", "478", "46",
			"Bình Trị Thiên (1976–1989)", []string{place.CodeOld, place.CodePartial}},
		{"ambiguous commune", "Tân Lập", "", "", "", "", []string{place.CodeAmbiguous}},
		{"unknown", "Bệnh viện C", "", "", "", "", []string{place.CodeUnknown}},
		{"unknown commune in known district", "xã Không Có, huyện Đồng Hỷ, tỉnh Thái Nguyên", "", "169", "19", "",
			[]string{place.CodePartial}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := v.Check(TypePlace, tc.in)
			if r.Value != clean(tc.in) {
				t.Errorf("value: got %q, want %q as written", r.Value, clean(tc.in))
			}
			var l place.Link
			if r.Place != nil {
				l = *r.Place
			}
			if l.Commune.Code != tc.commune || l.District.Code != tc.district || l.Province.Code != tc.province {
				t.Errorf("got %q/%q/%q (%s, %s, %s), want %q/%q/%q", l.Commune.Code, l.District.Code, l.Province.Code,
					l.Commune.Name, l.District.Name, l.Province.Name, tc.commune, tc.district, tc.province)
			}
			if l.Former != tc.former {
				t.Errorf("former: got %q, want %q", l.Former, tc.former)
			}
			if got := codes(r.Issues); !slices.Equal(got, tc.codes) {
				t.Errorf("issues: got %q, want %q", got, tc.codes)
			}
		})
	}
}

func TestPlaceSuccessors(t *testing.T) {
	v := testValidator(t)
	r := v.Check(TypePlace, "tỉnh Bắc Thái")
	if r.Place == nil || len(r.Place.Successors) != 2 {
		t.Fatalf("got %+v, want Thái Nguyên and Bắc Kạn as successors", r.Place)
	}
	got := []string{r.Place.Successors[0].Name, r.Place.Successors[1].Name}
	if want := []string{"Tỉnh Thái Nguyên", "Tỉnh Bắc Kạn"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if r.Penalty != 1 {
		t.Errorf("penalty: got %v, want 1: a former province is not an error", r.Penalty)
	}
	if r.Issues[0].VI != "Bắc Thái (1965–1996) nay thuộc Tỉnh Thái Nguyên hoặc Tỉnh Bắc Kạn" {
		t.Errorf("message: got %q", r.Issues[0].VI)
	}
}

func TestPlaceSuggestions(t *testing.T) {
	v := testValidator(t)
	r := v.Check(TypePlace, "xã Hoá Thượmg, huyện Đồng Hỷ, tỉnh Thái Nguyên")
	if want := "xã Hóa Thượng, huyện Đồng Hỷ, tỉnh Thái Nguyên"; len(r.Suggestions) == 0 || r.Suggestions[0] != want {
		t.Errorf("got %q, want %q", r.Suggestions, want)
	}
	r = v.Check(TypePlace, "Tân Lập")
	if len(r.Suggestions) != 3 {
		t.Errorf("got %q, want three candidate units", r.Suggestions)
	}
}
