package ocr

import (
	"testing"

	"github.com/sohoa/sohoa/imaging"
)

func TestPoorPageSendsEveryFieldToReview(t *testing.T) {
	tests := []struct {
		name string
		m    imaging.Metrics
		want bool
	}{
		{"light page", imaging.Metrics{Contrast: 0.6, Noise: 3}, false},
		{"medium page", imaging.Metrics{Contrast: 0.44, Noise: 1}, false},
		{"faded ink", imaging.Metrics{Contrast: 0.3, Noise: 2}, true},
		{"speckled paper", imaging.Metrics{Contrast: 0.44, Noise: 12}, true},
	}
	for _, tc := range tests {
		if got := poorPage(tc.m); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
	p := Page{Records: []Record{{Fields: map[string]Field{"full_name": {Value: "Ma Quang Quân", Confidence: 0.97}}}}}
	flagAll(&p)
	if f := p.Records[0].Fields["full_name"]; !f.NeedsReview || f.Value != "Ma Quang Quân" {
		t.Errorf("got %+v, want the value kept and the field sent to review", f)
	}
	if !p.Records[0].NeedsReview || len(p.Records[0].Issues) != 1 || p.Records[0].Issues[0].Code != CodePoorPage {
		t.Errorf("got record %+v, want one poor_page issue", p.Records[0])
	}
}
