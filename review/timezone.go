package review

import (
	"time"
	_ "time/tzdata" // the zone database inside the binary: Windows and slim images have none
)

// defaultLocation is Hà Nội time, where every commune using sohoa is.
func defaultLocation() *time.Location {
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		return time.FixedZone("ICT", 7*3600)
	}
	return loc
}

// startOfDay is midnight of t's day in loc: the start of "today" for a clerk's counts.
func startOfDay(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
}
