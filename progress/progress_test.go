package progress

import (
	"testing"
	"time"

	"github.com/sohoa/sohoa/domain"
)

func TestEstimate(t *testing.T) {
	today := time.Date(2026, 12, 2, 0, 0, 0, 0, Hanoi)
	daily := fillDays([]domain.DayCount{
		{Day: today.AddDate(0, 0, -10), Entries: 1000}, // outside the 7 days
		{Day: today.AddDate(0, 0, -6), Entries: 70},
		{Day: today, Entries: 70},
	}, today)
	for _, tc := range []struct {
		remaining int64
		want      string
	}{{200, "2026-12-12"}, {0, "2026-12-02"}, {1, "2026-12-03"}} {
		pace, end := Estimate(daily, tc.remaining, today)
		if pace != 20 || end == nil || end.Format(time.DateOnly) != tc.want {
			t.Errorf("remaining %d: got pace %v and end %v, want 20 a day and %s", tc.remaining, pace, end, tc.want)
		}
	}
	if _, end := Estimate(fillDays(nil, today), 5, today); end != nil {
		t.Errorf("no work in 7 days: got end %v, want none", end)
	}
}
