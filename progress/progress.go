package progress

import (
	"context"
	"math"
	"time"

	"github.com/sohoa/sohoa/domain"
)

// Store is what the dashboard reads: maintained counters, never a count of entries.
type Store interface {
	PartCounts(ctx context.Context, unit, level string) ([]domain.ProgressUnit, error)
	DailyDone(ctx context.Context, unit string, since time.Time) ([]domain.DayCount, error)
	ClerkCounts(ctx context.Context, unit string, today time.Time) ([]domain.ClerkCount, error)
	FieldQuality(ctx context.Context, unit string, byLedger bool) ([]domain.FieldQuality, error)
	UnitName(ctx context.Context, code string) (name, level string, err error)
	ClerkCheckRates(ctx context.Context, unit string) ([]domain.ClerkCheckRate, error)
}

// Hanoi is Việt Nam's time (UTC+7, no daylight saving): days are counted in it.
var Hanoi = time.FixedZone("ICT", 7*60*60)

// days of daily history shown.
const days = 30

// Load builds the dashboard of a unit ("" for the whole country) at a moment.
func Load(ctx context.Context, st Store, unit string, now time.Time) (domain.Progress, error) {
	p := domain.Progress{Unit: domain.ProgressUnit{Level: "country", Name: "Toàn quốc"}}
	if unit != "" {
		name, level, err := st.UnitName(ctx, unit)
		if err != nil {
			return p, err
		}
		p.Unit = domain.ProgressUnit{Level: level, Code: unit, Name: name}
	}
	parts, err := st.PartCounts(ctx, unit, p.Unit.Level)
	if err != nil {
		return p, err
	}
	p.Parts = parts
	for _, part := range parts {
		p.Unit.Add(part.ProgressCounts)
	}
	today := Day(now)
	daily, err := st.DailyDone(ctx, unit, today.AddDate(0, 0, -(days-1)))
	if err != nil {
		return p, err
	}
	p.Daily = fillDays(daily, today)
	if p.Clerks, err = st.ClerkCounts(ctx, unit, today); err != nil {
		return p, err
	}
	if p.Fields, err = st.FieldQuality(ctx, unit, false); err != nil {
		return p, err
	}
	if p.Ledgers, err = st.FieldQuality(ctx, unit, true); err != nil {
		return p, err
	}
	if p.CheckRates, err = st.ClerkCheckRates(ctx, unit); err != nil {
		return p, err
	}
	p.PaceLast7, p.EstimatedEnd = Estimate(p.Daily, p.Unit.Expected-p.Unit.Done, today)
	return p, nil
}

// Day is the day (midnight, Hà Nội) a moment falls on.
func Day(t time.Time) time.Time {
	y, m, d := t.In(Hanoi).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, Hanoi)
}

// fillDays gives one count per day of the last `days` days, zero where nothing was done.
func fillDays(daily []domain.DayCount, today time.Time) []domain.DayCount {
	by := map[string]int64{}
	for _, d := range daily {
		by[d.Day.Format(time.DateOnly)] = d.Entries
	}
	out := make([]domain.DayCount, days)
	for i := range out {
		day := today.AddDate(0, 0, i-(days-1))
		out[i] = domain.DayCount{Day: day, Entries: by[day.Format(time.DateOnly)]}
	}
	return out
}

// Estimate is the pace of the last 7 days (entries a day) and the day the remaining entries
// would be done at that pace; no date when nothing was done in those days.
func Estimate(daily []domain.DayCount, remaining int64, today time.Time) (float64, *time.Time) {
	var sum int64
	for _, d := range daily {
		if !d.Day.Before(today.AddDate(0, 0, -6)) && !d.Day.After(today) {
			sum += d.Entries
		}
	}
	pace := float64(sum) / 7
	if remaining <= 0 {
		t := today
		return pace, &t
	}
	if pace == 0 {
		return 0, nil
	}
	end := today.AddDate(0, 0, int(math.Ceil(float64(remaining)/pace)))
	return pace, &end
}
