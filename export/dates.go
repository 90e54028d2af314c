package export

import (
	"strings"
	"time"
)

// hanoi is Việt Nam's time (UTC+7, no daylight saving), for the times written in exports.
var hanoi = time.FixedZone("ICT", 7*60*60)

// dotDate writes a stored ISO date (YYYY-MM-DD) as the import workbooks want it, dd.mm.yyyy.
// ok is false when the stored value is not a whole date (only a year or a month, or text a clerk
// kept because it could not be read as a date).
func dotDate(iso string) (out string, ok bool) {
	return convertDate(iso, ".")
}

// slashDate writes a stored date as people read it: dd/mm/yyyy, mm/yyyy or yyyy; other text as is.
func slashDate(iso string) string {
	if iso == "" {
		return ""
	}
	if d, ok := convertDate(iso, "/"); ok {
		return d
	}
	if d, ok := partialDate(iso, "/"); ok {
		return d
	}
	return iso
}

func convertDate(iso, sep string) (string, bool) {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return "", false
	}
	return t.Format("02" + sep + "01" + sep + "2006"), true
}

// partialDate writes YYYY-MM as mm/yyyy and YYYY as yyyy.
func partialDate(iso, sep string) (string, bool) {
	if t, err := time.Parse("2006-01", iso); err == nil {
		return t.Format("01" + sep + "2006"), true
	}
	if _, err := time.Parse("2006", iso); err == nil && len(iso) == 4 {
		return iso, true
	}
	return "", false
}

// dateNote explains a date that could not go into a dd.mm.yyyy column.
func dateNote(field, value string) string {
	if d, ok := partialDate(value, "."); ok {
		return label(field) + " chỉ ghi " + d
	}
	return label(field) + " ghi trong sổ: " + strings.TrimSpace(value)
}
