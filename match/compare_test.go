package match

import (
	"context"
	"testing"

	"github.com/sohoa/sohoa/domain"
)

func TestCompareDate(t *testing.T) {
	d := func(day, month, year int) domain.PartialDate {
		return domain.PartialDate{Day: day, Month: month, Year: year}
	}
	tests := []struct {
		name   string
		e, c   domain.PartialDate
		want   string
		agrees bool
	}{
		{"exact", d(12, 3, 1987), d(12, 3, 1987), "exact", true},
		{"swapped", d(3, 12, 1987), d(12, 3, 1987), "swapped", true},
		{"day missing", d(0, 3, 1987), d(12, 3, 1987), "month", true},
		{"year only", d(0, 0, 1987), d(12, 3, 1987), "year", true},
		{"year off by one", d(12, 3, 1988), d(12, 3, 1987), "year_off", false},
		{"other year", d(12, 3, 1960), d(12, 3, 1987), "differ", false},
		{"unknown", d(0, 0, 0), d(12, 3, 1987), "missing", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o, w := compareDate(tc.e, tc.c)
			if o != tc.want || (w > 0) != tc.agrees {
				t.Errorf("got %s %.1f bits, want %s (agreement %v)", o, w, tc.want, tc.agrees)
			}
		})
	}
	_, exact := compareDate(d(12, 3, 1987), d(12, 3, 1987))
	_, swapped := compareDate(d(3, 12, 1987), d(12, 3, 1987))
	_, year := compareDate(d(0, 0, 1987), d(12, 3, 1987))
	if !(exact > swapped && swapped > year) {
		t.Errorf("weights: exact %.1f, swapped %.1f, year %.1f; want exact > swapped > year", exact, swapped, year)
	}
}

// fakeCitizens returns every citizen it holds for any query: a hand-written fake for the logic.
type fakeCitizens []domain.Citizen

func (f fakeCitizens) CitizenCandidates(context.Context, domain.CitizenQuery) ([]domain.Citizen, error) {
	return append([]domain.Citizen(nil), f...), nil
}

// The register's person and a namesake born the same day in the same commune are told apart
// by the parents, although the register misspells a tone mark and names the old province.
func TestNamesakeToldApartByParents(t *testing.T) {
	places, err := NewPlaces()
	if err != nil {
		t.Fatal(err)
	}
	born := domain.PartialDate{Day: 2, Month: 9, Year: 1985}
	place := "Xã Phú Mãn, Huyện Quốc Oai, Thành phố Hà Nội"
	right := domain.Citizen{ID: "001085000001", FullName: "Nguyễn Thị Hương", Sex: "Nữ", Birth: born, BirthPlace: place,
		FatherName: "Nguyễn Văn Toàn", MotherName: "Đỗ Thị Lụa"}
	namesake := right
	namesake.ID, namesake.FatherName, namesake.MotherName = "001085000002", "Nguyễn Văn Quý", "Lê Thị Hạnh"
	counts := map[string]map[string]int64{"surname": {"nguien": 380}, "middle": {"thi": 300}, "given": {"huong": 20}}
	m := New(fakeCitizens{namesake, right}, places, Frequencies{Counts: counts, Total: 1000}, DefaultThresholds)
	e := Entry{ID: "1", Kind: domain.KindBirth, CommuneCode: "09940", Fields: map[string]string{
		"full_name": "Nguyễn Thị Hướng", "sex": "Nữ", "birth_date": "02/09/1985",
		"birth_place": "xã Phú Mãn, huyện Quốc Oai, tỉnh Hà Tây", "father_name": "Nguyễn Văn Toàn", "mother_name": "Đỗ Thị Lụa"}}
	res, err := m.Match(context.Background(), Subjects(e)[0])
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != domain.MatchProposed || res.Candidates[0].CitizenID != right.ID {
		t.Fatalf("got %s with %+v first, want %s proposed", res.Status, res.Candidates, right.ID)
	}
	outcomes := map[string]string{}
	for _, f := range res.Candidates[0].Fields {
		outcomes[f.Field] = f.Outcome
	}
	for field, want := range map[string]string{"given_name": "folded", "birth_date": "exact", "birth_place": "commune", "father_name": "exact"} {
		if outcomes[field] != want {
			t.Errorf("%s: got %q, want %q (explanation %+v)", field, outcomes[field], want, res.Candidates[0].Fields)
		}
	}
	// Without the parents the two cannot be told apart: a person decides.
	delete(e.Fields, "father_name")
	delete(e.Fields, "mother_name")
	res, err = m.Match(context.Background(), Subjects(e)[0])
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != domain.MatchReview || len(res.Candidates) != 2 {
		t.Errorf("without parents: got %s with %d candidates, want review with 2", res.Status, len(res.Candidates))
	}
}
