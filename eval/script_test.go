package eval

import (
	"testing"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/synth"
)

func TestPairEntriesByPlaceWhenValuesAreEmpty(t *testing.T) {
	// Handwritten entries: numbers and values left empty, only the boxes tell them apart.
	entry := func(no, y int) synth.Record {
		b := domain.Box{100, y, 900, y + 200}
		return synth.Record{Number: no, Fields: []synth.Field{{Name: "full_name", Value: "Lê Văn An", Printed: true, Box: &b}}}
	}
	rec := func(y int) ocr.Record {
		return ocr.Record{BoxOriginal: domain.Box{95, y, 905, y + 210}, Fields: map[string]ocr.Field{"entry_no": {}, "full_name": {}}}
	}
	truth := []synth.Record{entry(5, 100), entry(6, 400), entry(7, 700)}
	recs := []ocr.Record{rec(395), rec(695)} // the first entry was lost
	got := pairEntries(truth, recs)
	if got[0] != nil || got[1] != &recs[0] || got[2] != &recs[1] {
		t.Fatalf("got pairs %v, want the first entry lost and the others paired by place", got)
	}
	if v := iou(domain.Box{0, 0, 10, 10}, domain.Box{5, 0, 15, 10}); v < 0.33 || v > 0.34 {
		t.Fatalf("iou of half-overlapping boxes: got %.3f, want 1/3", v)
	}
}
