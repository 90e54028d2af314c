package validate_test

import (
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/sohoa/sohoa/validate"
)

var isoDate = regexp.MustCompile(`^(\d{4,})(?:-(\d{2})(?:-(\d{2}))?)?$`)

// FuzzDateParser: any text a clerk or OCR may produce as a date gives, without panicking, either
// no value (with an issue saying why) or an ISO 8601 value that exists in the calendar; a year
// outside the registers' range is never passed silently, and the same text gives the same answer.
func FuzzDateParser(f *testing.F) {
	for _, s := range []string{"05/03/1987", "5-3-87", "ngày 5 tháng giêng năm 1987", "27 9 1 974", "O5.l2.l990",
		"31/02/1990", "1890", "??", "", "ngày mười lăm tháng tám năm một nghìn chín trăm bảy mươi", "3/1995",
		"99999999999999999999/1/1", "1/1/0", "ngày05tháng03năm1987", "~_~", "\u0301\u0300", "\xff\xfe", "2000-02-29"} {
		f.Add(s)
	}
	v, err := validate.New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := v.Check(validate.TypeDate, s)
		if r.Penalty < 0 || r.Penalty > 1 {
			t.Fatalf("%q: penalty %v outside [0, 1]", s, r.Penalty)
		}
		if again := v.Check(validate.TypeDate, s); again.Value != r.Value || len(again.Issues) != len(r.Issues) {
			t.Fatalf("%q: %q then %q", s, r.Value, again.Value)
		}
		if r.Value == "" {
			if len(r.Issues) == 0 && r.Written != "" {
				t.Fatalf("%q: no value and no issue", s)
			}
			return
		}
		m := isoDate.FindStringSubmatch(r.Value)
		if m == nil {
			t.Fatalf("%q: value %q is not ISO 8601", s, r.Value)
		}
		year, _ := strconv.Atoi(m[1])
		if m[3] != "" {
			if _, err := time.Parse("2006-01-02", r.Value); err != nil && len(m[1]) == 4 {
				t.Fatalf("%q: value %q is not a calendar date: %v", s, r.Value, err)
			}
		} else if m[2] != "" {
			if month, _ := strconv.Atoi(m[2]); month < 1 || month > 12 {
				t.Fatalf("%q: value %q has month %d", s, r.Value, month)
			}
		}
		if (year < 1900 || year > 2000) && len(r.Issues) == 0 {
			t.Fatalf("%q: year %d outside the registers' range passed without an issue", s, year)
		}
	})
}
