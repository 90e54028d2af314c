package progress

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/sohoa/sohoa/domain"
)

// Store is what the dashboard reads: maintained counters, never a count of entries.
// Every count takes the communes it may include: nil for all of them.
type Store interface {
	PartCounts(ctx context.Context, unit, level string, communes []string) ([]domain.ProgressUnit, error)
	DailyDone(ctx context.Context, unit string, communes []string, since time.Time) ([]domain.DayCount, error)
	ClerkCounts(ctx context.Context, unit string, communes []string, today time.Time) ([]domain.ClerkCount, error)
	FieldQuality(ctx context.Context, unit string, communes []string) (byName, byLedger []domain.FieldQuality, err error)
	UnitName(ctx context.Context, code string) (name, level string, err error)
	ClerkCheckRates(ctx context.Context, unit string, communes []string) ([]domain.ClerkCheckRate, error)
	UnitHolds(ctx context.Context, unit string, communes []string) (bool, error)
}

// Hanoi is Việt Nam's time (UTC+7, no daylight saving): days are counted in it.
var Hanoi = time.FixedZone("ICT", 7*60*60)

// days of daily history shown.
const days = 30

// Scope is the communes whose figures a user may see: nil (all) for province supervisors and
// admins, the communes given to the account for a supervisor (none when none were given).
func Scope(u domain.User) []string {
	if u.SeesAll() {
		return nil
	}
	return append([]string{}, u.Communes...)
}

// Load builds the dashboard of a unit ("" for the whole country) at a moment, counting only the
// ledgers of the given communes (nil: all; see Scope). A unit holding none of them is refused
// (domain.ErrForbidden), so a supervisor learns nothing of other communes, not even their names.
func Load(ctx context.Context, st Store, unit string, communes []string, now time.Time) (domain.Progress, error) {
	p := domain.Progress{Unit: domain.ProgressUnit{Level: "country", Name: "Toàn quốc"}}
	if communes != nil && unit == "" {
		p.Unit.Name = "Các xã được giao" // a supervisor's own communes, not the country
	}
	if unit != "" {
		if communes != nil {
			ok, err := st.UnitHolds(ctx, unit, communes)
			if err != nil {
				return p, err
			}
			if !ok {
				return p, fmt.Errorf("%w: unit %s holds none of the user's communes", domain.ErrForbidden, unit)
			}
		}
		name, level, err := st.UnitName(ctx, unit)
		if err != nil {
			return p, err
		}
		p.Unit = domain.ProgressUnit{Level: level, Code: unit, Name: name}
	}
	parts, err := st.PartCounts(ctx, unit, p.Unit.Level, communes)
	if err != nil {
		return p, err
	}
	p.Parts = parts
	for _, part := range parts {
		p.Unit.Add(part.ProgressCounts)
	}
	today := Day(now)
	daily, err := st.DailyDone(ctx, unit, communes, today.AddDate(0, 0, -(days-1)))
	if err != nil {
		return p, err
	}
	p.Daily = fillDays(daily, today)
	if p.Clerks, err = st.ClerkCounts(ctx, unit, communes, today); err != nil {
		return p, err
	}
	if p.Fields, p.Ledgers, err = st.FieldQuality(ctx, unit, communes); err != nil {
		return p, err
	}
	if p.CheckRates, err = st.ClerkCheckRates(ctx, unit, communes); err != nil {
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
