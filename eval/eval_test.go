package eval

import (
	"strconv"
	"testing"

	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/synth"
)

func TestPairEntries(t *testing.T) {
	// Every entry shares its ethnicity and nationality with the others, as on most pages.
	entry := func(no int, name, date string) synth.Record {
		return synth.Record{Number: no, Fields: []synth.Field{
			{Name: "entry_no", Value: strconv.Itoa(no), Printed: true},
			{Name: "full_name", Value: name, Printed: true},
			{Name: "birth_date", Value: date, Printed: true},
			{Name: "ethnicity", Value: "Kinh", Printed: true},
			{Name: "nationality", Value: "Việt Nam", Printed: true},
		}}
	}
	rec := func(no, name, date string) ocr.Record {
		return ocr.Record{Fields: map[string]ocr.Field{
			"entry_no": {Value: no}, "full_name": {Value: name}, "birth_date": {Value: date},
			"ethnicity": {Value: "Kinh"}, "nationality": {Value: "Việt Nam"},
		}}
	}
	truth := []synth.Record{
		entry(198, "Lê Tuấn Sỉ", "1995-01-02"),
		entry(199, "Kiều Văn Khang", "1995-02-03"),
		entry(200, "Phạm Văn Vu", "1995-07-09"),
		entry(201, "Hồ Hoài Nhân", "1995-03-04"),
	}
	recs := []ocr.Record{
		rec("198", "Lê Tuấn Sỉ", "1995-01-02"),
		rec("31", "Ễ", ""),                       // a fragment: only the shared values right
		rec("1200", "Phạm Văn Vu", "1995-07-09"), // number misread, the rest right
		rec("201", "Hồ Hoài Nhăn", "1995-03-04"),
		rec("9", "Văn", ""), // another fragment, so the counts differ
	}
	got := pairEntries(truth, recs)
	want := []*ocr.Record{&recs[0], nil, &recs[2], &recs[3]}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d: paired with %v, want %v", truth[i].Number, got[i], want[i])
		}
	}
	// One right field is not enough to call a record with another number the same entry.
	recs[2].Fields["birth_date"] = ocr.Field{Value: "1990-01-01"}
	if got := pairEntries(truth, recs); got[2] != nil {
		t.Errorf("entry 200 paired with %v on its name alone, want lost", got[2])
	}
}
