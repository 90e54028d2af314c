package crosscheck

import (
	"slices"
	"testing"

	"github.com/sohoa/sohoa/domain"
)

func TestCheckSequence(t *testing.T) {
	for _, tc := range []struct {
		name    string
		nums    []string
		flagged []int  // records whose number is flagged
		suggest string // for the first flagged one
	}{
		{"in step", []string{"235", "236", "237", "238"}, nil, ""},
		{"misread in the middle", []string{"235", "236", "2317", "238"}, []int{2}, "237"},
		{"misread last", []string{"220", "221", "227"}, nil, ""}, // judged only with two neighbours
		{"two entries out of step", []string{"206", "8"}, []int{0, 1}, ""},
		{"unreadable neighbour", []string{"235", "", "2317", "238"}, nil, ""},
		{"neighbours disagree", []string{"235", "240", "300"}, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := Page{}
			for _, n := range tc.nums {
				p.Records = append(p.Records, Record{Fields: map[string]Field{"entry_no": {Value: n, Issues: []domain.Issue{}}}})
			}
			Sequence(&p)
			var got []int
			for i, rec := range p.Records {
				f := rec.Fields["entry_no"]
				if f.NeedsReview {
					got = append(got, i)
					if !slices.ContainsFunc(f.Issues, func(is domain.Issue) bool { return is.Code == CodeEntrySequence }) || !rec.NeedsReview {
						t.Errorf("record %d flagged without the issue on the field and the record", i)
					}
				}
			}
			if !slices.Equal(got, tc.flagged) {
				t.Fatalf("flagged %v, want %v", got, tc.flagged)
			}
			if tc.suggest == "" && len(got) > 0 && len(p.Records[got[0]].Fields["entry_no"].Suggestions) > 0 {
				t.Errorf("got a suggestion with no two neighbours to go by")
			}
			if tc.suggest != "" {
				if s := p.Records[tc.flagged[0]].Fields["entry_no"].Suggestions; len(s) == 0 || s[0] != tc.suggest {
					t.Errorf("suggestions %q, want %q first", s, tc.suggest)
				}
			}
		})
	}
}
