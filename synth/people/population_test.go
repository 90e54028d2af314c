package people

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/domain"
)

// The synthetic population is reproducible, has namesakes with other parents, and its entries
// carry the damage of old books.
func TestPopulation(t *testing.T) {
	gen := func(seed uint64) ([]domain.Citizen, []Entry) {
		var cs []domain.Citizen
		var es []Entry
		err := Generate(Options{Citizens: 5000, Entries: 400, Seed: seed},
			func(c domain.Citizen) error { cs = append(cs, c); return nil },
			func(e Entry) error { es = append(es, e); return nil })
		if err != nil {
			t.Fatal(err)
		}
		return cs, es
	}
	cs, es := gen(9)
	cs2, _ := gen(9)
	if len(cs) != 5000 || len(es) != 400 || fmt.Sprint(cs[:50]) != fmt.Sprint(cs2[:50]) {
		t.Fatalf("got %d citizens and %d entries (same seed same output: %v)", len(cs), len(es), fmt.Sprint(cs[:50]) == fmt.Sprint(cs2[:50]))
	}
	ids := map[string]bool{}
	type key struct {
		name, place string
		year        int
	}
	parents := map[key]string{}
	namesakes := 0
	for _, c := range cs {
		if ids[c.ID] || len(c.ID) != 12 {
			t.Fatalf("ID %q repeated or not 12 digits", c.ID)
		}
		ids[c.ID] = true
		k := key{c.FullName, c.BirthPlace, c.Birth.Year}
		if p, ok := parents[k]; ok && p != c.FatherName+c.MotherName {
			namesakes++
		}
		parents[k] = c.FatherName + c.MotherName
	}
	if namesakes < 20 {
		t.Errorf("got %d namesakes with other parents among 5000 citizens, want at least 20", namesakes)
	}
	absent, oldNames, noDay := 0, 0, 0
	for _, e := range es {
		if e.Truth == "" {
			absent++
		} else if !ids[e.Truth] {
			t.Errorf("entry %s derived from an unknown citizen %s", e.ID, e.Truth)
		}
		if strings.Contains(e.Fields["birth_place"], "Hà Tây") || strings.Contains(e.Fields["birth_place"], "Nghệ Tĩnh") ||
			strings.Contains(e.Fields["birth_place"], "Hà Sơn Bình") || strings.Contains(e.Fields["birth_place"], "Bình Trị Thiên") {
			oldNames++
		}
		if d := e.Fields["birth_date"]; len(d) == 7 || len(d) == 4 {
			noDay++
		}
	}
	if absent != 40 || oldNames == 0 || noDay == 0 {
		t.Errorf("entries: %d of people not in the extract (want 40), %d with former provinces, %d without a day; want some of each", absent, oldNames, noDay)
	}
}
