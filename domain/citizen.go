package domain

import (
	"fmt"
	"strconv"
	"strings"
)

// Citizen is one person of a population database extract, keyed by the personal ID number
// (số định danh cá nhân).
type Citizen struct {
	ID         string      `json:"so_dinh_danh"`
	FullName   string      `json:"ho_ten"`
	Sex        string      `json:"gioi_tinh"` // "Nam", "Nữ" or "" when unknown
	Birth      PartialDate `json:"ngay_sinh"`
	BirthPlace string      `json:"noi_sinh"`
	HomeTown   string      `json:"que_quan"`
	FatherName string      `json:"ho_ten_cha"`
	FatherYear int         `json:"nam_sinh_cha"` // 0 when unknown
	MotherName string      `json:"ho_ten_me"`
	MotherYear int         `json:"nam_sinh_me"` // 0 when unknown
	Residence  string      `json:"noi_cu_tru"`  // commune of residence
	Keys       CitizenKeys `json:"-"`           // folded name keys, set on import
}

// PartialDate is a date of which the day, or the day and month, may be unknown (0).
type PartialDate struct {
	Day, Month, Year int
}

// String writes the date as dd/mm/yyyy, mm/yyyy or yyyy, and "" when nothing is known.
func (d PartialDate) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return strconv.Itoa(d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%02d/%04d", d.Month, d.Year)
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, d.Month, d.Year)
}

// ParsePartialDate reads dd/mm/yyyy, mm/yyyy or yyyy (also with "." or "-" between parts, and
// "00" or ".." for an unknown day or month); an empty string is the zero date.
func ParsePartialDate(s string) (PartialDate, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return PartialDate{}, nil
	}
	if iso, ok := parseISO(s); ok {
		return iso, nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '.' || r == '-' })
	if strings.Contains(s, "..") || strings.HasPrefix(s, "/") {
		parts = strings.Split(strings.NewReplacer("..", "", ".", "/", "-", "/").Replace(s), "/")
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if p == "" || strings.Trim(p, ".") == "" {
			continue // unknown part
		}
		n, err := strconv.Atoi(p)
		if err != nil {
			return PartialDate{}, fmt.Errorf("%w: date %q: want dd/mm/yyyy, mm/yyyy or yyyy", ErrInvalid, s)
		}
		nums[i] = n
	}
	var d PartialDate
	switch len(nums) {
	case 1:
		d.Year = nums[0]
	case 2:
		d.Month, d.Year = nums[0], nums[1]
	case 3:
		d.Day, d.Month, d.Year = nums[0], nums[1], nums[2]
	default:
		return PartialDate{}, fmt.Errorf("%w: date %q: want dd/mm/yyyy, mm/yyyy or yyyy", ErrInvalid, s)
	}
	if d.Year < 1800 || d.Year > 2100 || d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > 31 ||
		(d.Month == 0 && d.Day != 0) {
		return PartialDate{}, fmt.Errorf("%w: date %q is not possible", ErrInvalid, s)
	}
	return d, nil
}

// CitizenKeys are the folded name keys of a citizen that matching blocks on (package namekey).
type CitizenKeys struct {
	Surname, Middle, Given, Name, MotherGiven string
}

// CitizenQuery asks for the citizens that may be a register entry's person: given name and
// birth year (family and given name when no year is known); and, when Fuzzy, family and given
// name within two years, given name and mother's given name (any year), family name and birth
// year with a given name one edit away or a trigram-similar whole name, given name within two
// years with a family name one edit away.
type CitizenQuery struct {
	Surname, Given, Name, MotherGiven string
	Year                              int // 0 when unknown
	Fuzzy                             bool
	Limit                             int
}

// ImportCounts says what an import did.
type ImportCounts struct {
	Read, Inserted, Updated, Unchanged int64
}

// parseISO reads yyyy-mm-dd and yyyy-mm, the form validated register dates are stored in.
func parseISO(s string) (PartialDate, bool) {
	if len(s) != 10 && len(s) != 7 || s[4] != '-' {
		return PartialDate{}, false
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:7])
	d := 0
	var err3 error
	if len(s) == 10 {
		if s[7] != '-' {
			return PartialDate{}, false
		}
		d, err3 = strconv.Atoi(s[8:])
	}
	if err1 != nil || err2 != nil || err3 != nil || m < 1 || m > 12 || d < 0 || d > 31 {
		return PartialDate{}, false
	}
	return PartialDate{Day: d, Month: m, Year: y}, true
}
