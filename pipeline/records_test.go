package pipeline

import (
	"testing"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/ocr"
)

func TestToRecordsKeepsEveryFieldInPageOrder(t *testing.T) {
	page := ocr.Page{Records: []ocr.Record{{
		Index: 0, Box: domain.Box{10, 20, 900, 400},
		Fields: map[string]ocr.Field{
			"full_name": {Value: "Ma Quang Quân", Text: "MA QUANG QUÂN", Confidence: 0.93, Box: domain.Box{100, 30, 500, 60}},
			"sex":       {Value: "Nam", Text: "Nam", Confidence: 0.6, NeedsReview: true},
		},
		Issues: []domain.Issue{{Code: "poor_page", VI: "Trang mờ", EN: "Faded page"}, {Field: "sex", Code: "x", VI: "v", EN: "e"}},
	}}}
	recs := toRecords(domain.KindBirth, page)
	if len(recs) != 1 || len(recs[0].Fields) != len(domain.KindBirth.Fields()) {
		t.Fatalf("got %d records with %d fields, want 1 with every field of the kind", len(recs), len(recs[0].Fields))
	}
	r := recs[0]
	if r.Confidence != 0 {
		t.Errorf("got entry confidence %v, want its weakest field's (a missing field: 0)", r.Confidence)
	}
	for i, f := range r.Fields {
		if f.Name != domain.KindBirth.Fields()[i] || f.Position != i {
			t.Fatalf("field %d is %s at %d, want page order", i, f.Name, f.Position)
		}
	}
	first, name, sex := r.Fields[0], r.Fields[1], r.Fields[2]
	if len(first.Issues) != 2 || first.Issues[1].Code != "poor_page" || first.Value != "" {
		t.Errorf("entry_no (not found): got %+v, want empty with the missing issue and the entry's issue", first)
	}
	if name.Value != "Ma Quang Quân" || name.OCRText != "MA QUANG QUÂN" || name.Box == nil || name.Box[2] != 500 {
		t.Errorf("full_name: got %+v", name)
	}
	if !sex.NeedsReview || len(sex.Issues) != 1 || sex.Issues[0].Code != "x" {
		t.Errorf("sex: got %+v, want its own issue and needs_review", sex)
	}
}

// An optional line the entry does not have ("Bằng chữ" on some entries only) is not on the
// page: not missing, not to review, and it leaves the entry's confidence alone.
func TestToRecordsOptionalFieldNotOnThePage(t *testing.T) {
	fields := map[string]ocr.Field{}
	for _, name := range domain.KindBirth.Fields() {
		if name != "birth_date_in_words" {
			fields[name] = ocr.Field{Value: "x", Text: "x", Confidence: 0.92}
		}
	}
	page := ocr.Page{Records: []ocr.Record{{Fields: fields, Absent: []string{"birth_date_in_words"}}}}
	r := toRecords(domain.KindBirth, page)[0]
	if r.Confidence != 0.92 {
		t.Errorf("entry confidence: got %v, want 0.92 (the absent line does not lower it)", r.Confidence)
	}
	for _, f := range r.Fields {
		if f.Name != "birth_date_in_words" {
			continue
		}
		if f.NeedsReview || len(f.Issues) != 1 || f.Issues[0].Code != domain.IssueAbsent || f.Value != "" {
			t.Errorf("birth_date_in_words: got %+v, want empty, not to review, with only the issue %q", f, domain.IssueAbsent)
		}
	}
}
