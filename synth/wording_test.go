package synth

import (
	"fmt"
	"github.com/sohoa/sohoa/synth/world"
	"testing"

	"github.com/sohoa/sohoa/domain"
)

// TestWordingLeavesContent checks that the wording draws from its own stream: a page in a varied
// wording holds the same people, dates and places as the same seed in today's wording; only labels,
// what the form prints and the birth dates written as a year alone differ.
func TestWordingLeavesContent(t *testing.T) {
	data, err := world.Load()
	if err != nil {
		t.Fatal(err)
	}
	varied := 0
	for i, kind := range domain.Kinds {
		for seed := range int64(30) {
			t.Run(fmt.Sprintf("%s/%d", kind, seed), func(t *testing.T) {
				plain := newContent(data, pageRand(seed, i, streamContent), nil, kind, 5)
				worded := newContent(data, pageRand(seed, i, streamContent), pageRand(seed, i, streamWording), kind, 5)
				if worded.wording.name != "1999" {
					varied++
				}
				if plain.year != worded.year || plain.home != worded.home || len(plain.records) != len(worded.records) {
					t.Fatalf("page facts differ: year %d/%d, %d/%d records", plain.year, worded.year, len(plain.records), len(worded.records))
				}
				for r := range plain.records {
					compareRecords(t, worded.wording, plain.records[r], worded.records[r])
				}
			})
		}
	}
	if varied == 0 {
		t.Error("no page drew a wording other than today's: the test compared nothing")
	}
}

func compareRecords(t *testing.T, w *wording, plain, worded Record) {
	t.Helper()
	if len(plain.Fields) != len(worded.Fields) {
		t.Fatalf("entry %d: %d fields, want %d", plain.Number, len(worded.Fields), len(plain.Fields))
	}
	for j, p := range plain.Fields {
		got := worded.Fields[j]
		if got.Label == w.yearLabel && w.yearOnly > 0 && got.Value == p.Value[:4] {
			continue // a birth date written as a year alone
		}
		if got.Name != p.Name || got.Written != p.Written || got.Value != p.Value {
			t.Errorf("entry %d field %s: got %q (%q), want %q (%q)", plain.Number, p.Name, got.Written, got.Value, p.Written, p.Value)
		}
	}
}
