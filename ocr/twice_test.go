package ocr

import (
	"testing"

	"github.com/sohoa/sohoa/domain"
)

func TestMergeReadingsKeepsTheValidReadingAndAddsEntries(t *testing.T) {
	bad := domain.Issue{Code: "date_invalid", Severity: domain.SeverityError}
	first := Page{Records: []Record{
		{Box: domain.Box{0, 100, 900, 400}, Fields: map[string]Field{
			"entry_no":   {Value: "12", Confidence: 0.8},
			"birth_date": {Value: "31/02/1960", Confidence: 0.9, Issues: []domain.Issue{bad}, NeedsReview: true},
			"full_name":  {Value: "Nguyễn Văn An", Confidence: 0.9},
		}, Issues: []domain.Issue{{Field: "birth_date", Code: "date_invalid", Severity: domain.SeverityError}}, NeedsReview: true},
	}}
	second := Page{Records: []Record{
		{Box: domain.Box{0, 110, 900, 390}, Fields: map[string]Field{
			"entry_no":   {Value: "", Issues: []domain.Issue{issueMissing()}, NeedsReview: true},
			"birth_date": {Value: "21/02/1960", Confidence: 0.7},
			"full_name":  {Value: "Nguyễn Văn Ân", Confidence: 0.95},
		}},
		{Box: domain.Box{0, 500, 900, 800}, Fields: map[string]Field{"entry_no": {Value: "13", Confidence: 0.7}}},
	}}
	got := mergeReadings(first, second)
	if len(got.Records) != 2 {
		t.Fatalf("got %d entries, want 2 (the second found only on the second read)", len(got.Records))
	}
	r := got.Records[0]
	want := map[string]string{"entry_no": "12", "birth_date": "21/02/1960", "full_name": "Nguyễn Văn An"}
	for name, v := range want {
		if r.Fields[name].Value != v {
			t.Errorf("%s = %q, want %q", name, r.Fields[name].Value, v)
		}
	}
	if len(r.Issues) != 0 || r.NeedsReview {
		t.Errorf("entry issues %v, needs review %v: want the replaced date's issue gone", r.Issues, r.NeedsReview)
	}
	if got.Records[1].Index != 1 || got.Records[1].Fields["entry_no"].Value != "13" {
		t.Errorf("added entry = %+v, want index 1, number 13", got.Records[1])
	}
}

func TestSecondReadOnlyWhenSomethingFails(t *testing.T) {
	ok := Page{Records: []Record{{Fields: map[string]Field{"entry_no": {Value: "1"}}}}}
	if needsSecondRead(ok) {
		t.Error("every field valid: no second read wanted")
	}
	ok.Records[0].Fields["full_name"] = Field{Issues: []domain.Issue{issueMissing()}}
	if !needsSecondRead(ok) {
		t.Error("a missing field: second read wanted")
	}
	if !needsSecondRead(Page{}) {
		t.Error("no entry found: second read wanted")
	}
}
