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

func TestPartsGroupByLevel(t *testing.T) {
	ls := []domain.LedgerCounts{
		{LedgerID: 1, ProvinceCode: "19", ProvinceName: "Tỉnh Thái Nguyên", DistrictCode: "164", CommuneCode: "05461", ProgressCounts: domain.ProgressCounts{Done: 2, Expected: 10}},
		{LedgerID: 2, ProvinceCode: "19", ProvinceName: "Tỉnh Thái Nguyên", DistrictCode: "164", CommuneCode: "05464", ProgressCounts: domain.ProgressCounts{Done: 3, Expected: 5}},
		{LedgerID: 3, ProvinceCode: "01", ProvinceName: "Thành phố Hà Nội", DistrictCode: "001", CommuneCode: "00001", ProgressCounts: domain.ProgressCounts{Done: 1, Expected: 1}},
	}
	for _, tc := range []struct {
		level string
		want  int
	}{{"country", 2}, {"province", 2}, {"district", 3}, {"commune", 3}} {
		parts := Parts(ls, tc.level)
		if len(parts) != tc.want {
			t.Errorf("%s: got %d parts, want %d", tc.level, len(parts), tc.want)
		}
	}
	top := Parts(ls, "country")
	if top[0].Done != 5 || top[0].Expected != 15 || top[0].DoneShare() != 5.0/15 {
		t.Errorf("province sums: got %+v, want 5 of 15", top[0].ProgressCounts)
	}
}
