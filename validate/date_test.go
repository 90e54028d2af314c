package validate

import (
	"slices"
	"testing"
)

func TestCheckDate(t *testing.T) {
	v := testValidator(t)
	for _, tc := range []struct {
		name, in, want string
		codes          []string // issue codes expected, in order
		repaired       bool     // penalty below 1 from an OCR repair
	}{
		{"slashes", "05/03/1987", "1987-03-05", nil, false},
		{"no zeros", "5/3/1987", "1987-03-05", nil, false},
		{"two-digit year", "5-3-87", "1987-03-05", []string{CodeTwoDigitYear}, false},
		{"dashes", "5-3-1987", "1987-03-05", nil, false},
		{"dots", "8.6.1996", "1996-06-08", nil, false},
		{"keywords", "ngày 5 tháng 3 năm 1987", "1987-03-05", nil, false},
		{"keywords zeros", "ngày 05 tháng 03 năm 1987", "1987-03-05", nil, false},
		{"keywords capitals", "NGÀY 05 THÁNG 03 NĂM 1987", "1987-03-05", nil, false},
		{"keywords no marks", "ngay 5 thang 3 nam 1987", "1987-03-05", nil, false},
		{"month and comma", "5 tháng 3, 1987", "1987-03-05", nil, false},
		{"O for 0", "O5/03/1987", "1987-03-05", nil, true},
		{"l for 1", "l5/03/1987", "1987-03-15", nil, true},
		{"I in year", "05/03/I987", "1987-03-05", nil, true},
		{"spaces", "05 / 03 / 1987", "1987-03-05", nil, false},
		{"trailing junk", "05/03/1987.,", "1987-03-05", nil, false},
		{"glued keyword", "ngày05 tháng03 năm1987", "1987-03-05", nil, false},
		{"ISO", "1987-03-05", "1987-03-05", nil, false},
		{"tilde for dash", "25-4~1968", "1968-04-25", nil, true},
		{"year cut in two", "27 9-1 974", "1974-09-27", nil, true},
		{"word after the date", "26/11/1976 Lj", "1976-11-26", []string{CodeDateExtra}, false},
		{"next column's word", "5-7-1962 xã *", "1962-07-05", []string{CodeDateExtra}, false},
		{"word after a day and month", "26/11 Lj", "", []string{CodeDateUnreadable}, false},
		{"run together", "05031987", "1987-03-05", nil, false},
		{"tháng giêng", "ngày 5 tháng giêng năm 1987", "1987-01-05", nil, false},
		{"tháng chạp", "ngày 20 tháng chạp năm 1960", "1960-12-20", nil, false},
		{"year only", "1950", "1950", []string{CodeDatePartial}, false},
		{"year keyword", "năm 1950", "1950", []string{CodeDatePartial}, false},
		{"month year", "3/1950", "1950-03", []string{CodeDatePartial}, false},
		{"month year keywords", "tháng 3 năm 1950", "1950-03", []string{CodeDatePartial}, false},
		{"leap day", "29/02/1988", "1988-02-29", nil, false},
		{"not leap", "29/02/1990", "", []string{CodeDateInvalid}, false},
		{"31 February", "31/02/1990", "", []string{CodeDateInvalid}, false},
		{"month 13", "12/13/1987", "", []string{CodeDateInvalid}, false},
		{"after 2000", "05/03/2015", "2015-03-05", []string{CodeDateRange}, false},
		{"before 1900", "05/03/1890", "1890-03-05", []string{CodeDateRange}, false},
		{"junk", "không rõ", "", []string{CodeDateUnreadable}, false},
		{"three-digit year", "5/3/987", "", []string{CodeDateUnreadable}, false},
		{"empty", " . ", "", []string{CodeEmpty}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := v.Check(TypeDate, tc.in)
			if r.Value != tc.want {
				t.Errorf("got %q, want %q", r.Value, tc.want)
			}
			if got := codes(r.Issues); !slices.Equal(got, tc.codes) {
				t.Errorf("issues: got %q, want %q", got, tc.codes)
			}
			if tc.repaired && r.Penalty >= 1 {
				t.Errorf("penalty: got %v, want < 1 after an OCR repair", r.Penalty)
			}
			if !tc.repaired && tc.codes == nil && r.Penalty != 1 {
				t.Errorf("penalty: got %v, want 1", r.Penalty)
			}
		})
	}
}

func TestDateRangeSeverity(t *testing.T) {
	v := testValidator(t)
	if r := v.Check(TypeDate, "05/03/2015"); !r.HasErrors() {
		t.Errorf("2015: got %q, want an error: these registers predate 2000", r.Issues)
	}
	if r := v.Check(TypeDate, "05/03/1890"); r.HasErrors() {
		t.Errorf("1890: got %q, want only a note: old people appear in death registers", r.Issues)
	}
}

func TestDateWithDashesOfEveryKind(t *testing.T) {
	v := testValidator(t)
	for _, s := range []string{"10-4—1994", "10–4–1994", "10 ‒ 4 ‒ 1994"} {
		if got := v.Check(TypeDate, s); got.Value != "1994-04-10" || got.HasErrors() {
			t.Errorf("Check(%q): got %q %v, want 1994-04-10", s, got.Value, got.Issues)
		}
	}
}
