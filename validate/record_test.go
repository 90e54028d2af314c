package validate

import (
	"slices"
	"testing"

	"github.com/sohoa/sohoa/domain"
)

func TestCheckRecord(t *testing.T) {
	v := testValidator(t)
	type fieldCode struct{ field, code string }
	for _, tc := range []struct {
		name   string
		kind   domain.Kind
		values map[string]string
		issues []fieldCode
		boost  map[string]float64
	}{
		{"birth readings agree", domain.KindBirth, map[string]string{
			"birth_date":          "08/06/1996",
			"birth_date_in_words": "Ngày mồng tám tháng sáu năm một nghìn chín trăm chín mươi sáu",
			"registration_date":   "20/06/1996",
		}, nil, map[string]float64{"birth_date": boostAgree, "birth_date_in_words": boostAgree}},
		{"birth readings disagree", domain.KindBirth, map[string]string{
			"birth_date":          "08/06/1996",
			"birth_date_in_words": "ngày mồng chín tháng sáu năm một nghìn chín trăm chín mươi sáu",
		}, []fieldCode{{"birth_date", CodeDatesDisagree}, {"birth_date_in_words", CodeDatesDisagree}},
			map[string]float64{"birth_date": boostDisagree, "birth_date_in_words": boostDisagree}},
		{"registered before birth", domain.KindBirth, map[string]string{
			"birth_date": "05/03/1987", "registration_date": "01/03/1987",
		}, []fieldCode{{"registration_date", CodeBeforeBirth}}, nil},
		{"late registration", domain.KindBirth, map[string]string{
			"birth_date": "05/03/1970", "registration_date": "01/03/1987",
		}, []fieldCode{{"registration_date", CodeLateRegistration}}, nil},
		{"partial birth year, same year", domain.KindBirth, map[string]string{
			"birth_date": "1987", "registration_date": "01/03/1987",
		}, nil, nil},
		{"death before birth", domain.KindDeath, map[string]string{
			"birth_date": "05/03/1950", "death_date": "01/01/1949", "registration_date": "03/01/1949",
		}, []fieldCode{{"death_date", CodeDeathBeforeBirth}}, nil},
		{"death registered before it happened", domain.KindDeath, map[string]string{
			"birth_date": "1920", "death_date": "01/01/1980", "registration_date": "30/12/1979",
		}, []fieldCode{{"registration_date", CodeBeforeDeath}}, nil},
		{"death fine", domain.KindDeath, map[string]string{
			"birth_date": "1920", "death_date": "01/01/1980", "registration_date": "03/01/1980",
		}, nil, nil},
		{"spouses of age", domain.KindMarriage, map[string]string{
			"husband_birth_date": "01/01/1960", "wife_birth_date": "01/01/1962", "registration_date": "01/01/1982",
		}, nil, nil},
		{"spouses under age", domain.KindMarriage, map[string]string{
			"husband_birth_date": "02/01/1962", "wife_birth_date": "01/06/1964", "registration_date": "01/01/1982",
		}, []fieldCode{{"husband_birth_date", CodeMarriageAge}, {"wife_birth_date", CodeMarriageAge}}, nil},
		{"husband born the year 1962 only: not certainly under age", domain.KindMarriage, map[string]string{
			"husband_birth_date": "1962", "registration_date": "01/06/1982",
		}, nil, nil},
		{"unreadable dates are left to Check", domain.KindBirth, map[string]string{
			"birth_date": "??", "registration_date": "01/03/1987",
		}, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rr := v.CrossCheck(tc.kind, tc.values)
			var got []fieldCode
			for _, is := range rr.Issues {
				got = append(got, fieldCode{is.Field, is.Code})
			}
			slices.SortFunc(got, func(a, b fieldCode) int {
				if a.field < b.field {
					return -1
				}
				if a.field > b.field {
					return 1
				}
				return 0
			})
			if !slices.Equal(got, tc.issues) {
				t.Errorf("issues: got %v, want %v", got, tc.issues)
			}
			if len(rr.Boost) != len(tc.boost) {
				t.Errorf("boost: got %v, want %v", rr.Boost, tc.boost)
			}
			for f, b := range tc.boost {
				if rr.Boost[f] != b {
					t.Errorf("boost %s: got %v, want %v", f, rr.Boost[f], b)
				}
			}
		})
	}
}

func TestRecordSeverities(t *testing.T) {
	v := testValidator(t)
	issues := v.CheckRecord(domain.KindMarriage, map[string]string{
		"husband_birth_date": "02/01/1966", "wife_birth_date": "01/06/1968", "registration_date": "01/01/1982",
	})
	if len(issues) != 2 {
		t.Errorf("got %d issues, want 2", len(issues))
	}
	for _, is := range issues {
		if is.Code == CodeMarriageAge && is.Severity != domain.SeverityNote {
			t.Errorf("%s: got %q, want a note, not an error", is.Field, is.Severity)
		}
	}
	rr := v.CrossCheck(domain.KindBirth, map[string]string{"birth_date": "05/03/1950", "registration_date": "01/03/1987"})
	if len(rr.Issues) != 1 || rr.Issues[0].Severity != domain.SeverityNote {
		t.Errorf("late registration: got %+v, want one note", rr.Issues)
	}
}
