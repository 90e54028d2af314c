package domain

import "time"

// DisplayDate writes a date kept as ISO (yyyy-mm-dd) as clerks read and type it, dd/mm/yyyy;
// any other value is returned unchanged.
func DisplayDate(v string) string {
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t.Format("02/01/2006")
	}
	return v
}
