package synth

import (
	"fmt"
	"github.com/sohoa/sohoa/synth/world"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sohoa/sohoa/domain"
	"golang.org/x/text/unicode/norm"
)

func TestTruthConsistent(t *testing.T) {
	data, err := world.Load()
	if err != nil {
		t.Fatal(err)
	}
	official := map[string]bool{}
	for _, g := range data.Groups {
		official[g.Name] = true
	}
	pages := 12
	if raceEnabled {
		pages = 3
	}
	for _, kind := range domain.Kinds {
		for _, layout := range []Layout{LayoutForm, LayoutTable} {
			t.Run(fmt.Sprintf("%s/%s", kind, layout), func(t *testing.T) {
				t.Parallel()
				for index := range pages {
					cv, ct, err := layoutPage(21, index, kind, layout)
					if err != nil {
						t.Fatal(err)
					}
					checkPage(t, cv, ct, official)
				}
			})
		}
	}
}

func checkPage(t *testing.T, cv *canvas, ct *content, official map[string]bool) {
	t.Helper()
	if ct.year < 1975 || ct.year > 1999 {
		t.Errorf("year %d outside 1975–1999", ct.year)
	}
	if len(cv.lines) < 5 {
		t.Errorf("got %d text lines, want at least 5", len(cv.lines))
	}
	for _, l := range cv.lines {
		if !norm.NFC.IsNormalString(l.Text) {
			t.Errorf("line %q is not NFC", l.Text)
		}
	}
	want := ct.kind.Fields()
	for _, rec := range ct.records {
		var names []string
		for _, f := range rec.Fields {
			if slices.Contains(want, f.Name) {
				names = append(names, f.Name)
			} else if f.Name != "declarant_name" || f.Printed {
				// A birth register's declarant is drawn by some wordings but is no field of the kind.
				t.Errorf("record %d: field %s (printed %v) is not a field of %s", rec.Number, f.Name, f.Printed, ct.kind)
			}
		}
		if !slices.Equal(names, want) {
			t.Fatalf("record %d fields: got %v, want %v", rec.Number, names, want)
		}
		dates := map[string]time.Time{}
		for _, f := range rec.Fields {
			if !slices.Contains(want, f.Name) {
				continue
			}
			if f.Written == "" || f.Value == "" {
				t.Errorf("record %d field %s: empty written %q or value %q", rec.Number, f.Name, f.Written, f.Value)
			}
			if !norm.NFC.IsNormalString(f.Written) || !norm.NFC.IsNormalString(f.Value) {
				t.Errorf("field %s: %q / %q not NFC", f.Name, f.Written, f.Value)
			}
			if f.Printed != (f.CleanBox != nil) {
				t.Errorf("field %s: printed %v but clean box %v", f.Name, f.Printed, f.CleanBox)
			}
			if b := f.CleanBox; b != nil && (b[0] < 0 || b[1] < 0 || b[2] > pageWidth || b[3] > pageHeight || b[0] >= b[2] || b[1] >= b[3]) {
				t.Errorf("field %s: box %v not inside the page", f.Name, *b)
			}
			switch {
			case strings.HasSuffix(f.Name, "birth_date") && len(f.Value) == 4:
				// A year alone, as the older wordings give it.
				d, err := time.Parse("2006", f.Value)
				if err != nil || f.Written != f.Value {
					t.Errorf("field %s: year-only value %q written %q", f.Name, f.Value, f.Written)
				}
				dates[f.Name] = d
			case f.Name == "death_time":
				if _, err := time.Parse("15:04", f.Value); err != nil || !strings.Contains(f.Written, " giờ") {
					t.Errorf("death_time: value %q written %q, want HH:MM written with giờ", f.Value, f.Written)
				}
			case strings.HasSuffix(f.Name, "_date") || f.Name == "birth_date_in_words":
				d, err := time.Parse(time.DateOnly, f.Value)
				if err != nil {
					t.Errorf("field %s: value %q is not an ISO date", f.Name, f.Value)
				}
				dates[f.Name] = d
			case strings.HasSuffix(f.Name, "_name"):
				if f.Value != world.TitleCase(f.Value) || len(strings.Fields(f.Value)) < 2 {
					t.Errorf("field %s: value %q is not a title-case full name", f.Name, f.Value)
				}
				if world.TitleCase(f.Written) != f.Value {
					t.Errorf("field %s: written %q does not normalise to %q", f.Name, f.Written, f.Value)
				}
			case f.Name == "sex":
				if f.Value != world.SexMale && f.Value != world.SexFemale {
					t.Errorf("sex: got %q, want Nam or Nữ", f.Value)
				}
			case strings.HasSuffix(f.Name, "ethnicity"):
				if !official[f.Value] {
					t.Errorf("field %s: %q is not an official group name", f.Name, f.Value)
				}
			case f.Name == "nationality":
				if f.Value != "Việt Nam" {
					t.Errorf("nationality: got %q, want Việt Nam", f.Value)
				}
			case strings.HasSuffix(f.Name, "residence") || strings.HasSuffix(f.Name, "_place"):
				if f.Place == nil || f.Place.ProvinceCode == "" {
					t.Errorf("field %s: no place reference", f.Name)
				}
			}
		}
		checkDates(t, ct.kind, rec.Number, dates)
	}
}

func checkDates(t *testing.T, kind domain.Kind, n int, d map[string]time.Time) {
	t.Helper()
	reg := d["registration_date"]
	if reg.Year() < 1975 || reg.Year() > 1999 {
		t.Errorf("record %d: registration %v outside 1975–1999", n, reg)
	}
	years := func(a, b time.Time) float64 { return b.Sub(a).Hours() / 24 / 365.25 }
	switch kind {
	case domain.KindBirth:
		if b := d["birth_date"]; b.After(reg) || years(b, reg) > 5 {
			t.Errorf("record %d: birth %v, registration %v", n, b, reg)
		}
		if !d["birth_date"].Equal(d["birth_date_in_words"]) {
			t.Errorf("record %d: birth date %v in words says %v", n, d["birth_date"], d["birth_date_in_words"])
		}
	case domain.KindMarriage:
		for _, f := range []string{"husband_birth_date", "wife_birth_date"} {
			if a := years(d[f], reg); a < 18 || a > 60 {
				t.Errorf("record %d: %s %v gives age %.1f at marriage", n, f, d[f], a)
			}
		}
	case domain.KindDeath:
		b, died := d["birth_date"], d["death_date"]
		if b.After(died) || died.After(reg) || years(b, died) > 100 {
			t.Errorf("record %d: born %v, died %v, registered %v", n, b, died, reg)
		}
	}
}
