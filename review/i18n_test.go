package review

import (
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

func TestNumbersAndDates(t *testing.T) {
	tests := []struct {
		lang Lang
		v    float64
		dec  int
		want string
	}{
		{VI, 55.13, 2, "55,13"},
		{VI, 43012, 0, "43.012"},
		{VI, 1234567.5, 1, "1.234.567,5"},
		{EN, 1234567.5, 1, "1,234,567.5"},
		{VI, -0.5, 1, "-0,5"},
	}
	for _, tc := range tests {
		if got := tc.lang.Number(tc.v, tc.dec); got != tc.want {
			t.Errorf("%s Number(%v): got %q, want %q", tc.lang, tc.v, got, tc.want)
		}
	}
	if got := VI.Percent(23711.0 / 43012.0); got != "55,1%" {
		t.Errorf("got %q, want 55,1%%", got)
	}
	d := time.Date(1996, 6, 8, 10, 0, 0, 0, time.Local)
	if got := VI.Date(d); got != "08/06/1996" {
		t.Errorf("got %q, want 08/06/1996", got)
	}
}

func TestEveryMessageIsNFCAndTranslated(t *testing.T) {
	for key, m := range messages {
		for i, s := range m {
			if s == "" {
				t.Errorf("%s[%d] is empty", key, i)
			}
			if !norm.NFC.IsNormalString(s) {
				t.Errorf("%s[%d] %q is not NFC", key, i, s)
			}
		}
	}
}
