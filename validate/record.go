package validate

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sohoa/sohoa/domain"
)

// Confidence factors from cross-field checks.
const (
	boostAgree    = 1.15 // two independent readings of the same date agree
	boostDisagree = 0.7  // they do not
)

// Minimum ages for marriage: men 20, women 18, the same in the 1959, 1986 and 2000 Marriage and
// Family Laws, so they hold for every register sohoa reads. The 2000 law's guidance counted "from
// 20" as having entered the twentieth year; we compare completed years and only ever add a note.
const (
	minAgeHusband = 20
	minAgeWife    = 18
	lateYears     = 10 // a birth registered more than this many years late gets a note
)

// RecordResult is what CrossCheck makes of a whole entry.
type RecordResult struct {
	// Issues found across fields; each names its Field.
	Issues []domain.Issue
	// Boost is a confidence factor per field from the cross-checks: above 1 when two
	// independent readings agree (birth_date and birth_date_in_words), below 1 when they
	// disagree. Fields not mentioned keep factor 1. Callers should clamp the result to 1.
	Boost map[string]float64
}

// span is the range of days a possibly partial date covers: "1987" is 1987-01-01 to 1987-12-31.
type span struct {
	lo, hi time.Time
	text   string // the ISO value
}

// parseSpan reads the ISO value Check produced ("1987-03-05", "1987-03", "1987").
func parseSpan(iso string) (span, bool) {
	f := strings.Split(iso, "-")
	n := make([]int, len(f))
	for i, s := range f {
		v, err := strconv.Atoi(s)
		if err != nil {
			return span{}, false
		}
		n[i] = v
	}
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	switch len(n) {
	case 1:
		return span{day(n[0], 1, 1), day(n[0], 12, 31), iso}, true
	case 2:
		return span{day(n[0], n[1], 1), day(n[0], n[1]+1, 0), iso}, true
	case 3:
		d := day(n[0], n[1], n[2])
		return span{d, d, iso}, true
	}
	return span{}, false
}

// viDate writes an ISO value the Vietnamese way: 05/03/1987, 03/1987, 1987.
func viDate(iso string) string {
	f := strings.Split(iso, "-")
	for i, j := 0, len(f)-1; i < j; i, j = i+1, j-1 {
		f[i], f[j] = f[j], f[i]
	}
	return strings.Join(f, "/")
}

// CheckRecord returns the issues of CrossCheck: the rules that involve several fields of one entry.
func (v *Validator) CheckRecord(kind domain.Kind, values map[string]string) []domain.Issue {
	return v.CrossCheck(kind, values).Issues
}

// CrossCheck applies the rules that involve several fields of one entry: the birth date read in
// digits and in words must agree (and when they do, both readings gain confidence); nobody is
// registered before being born or dies before being born; a death is registered after it happens;
// a birth registered more than ten years late and a spouse under the legal marriage age are
// noted. values holds field values as written or as normalised by Check.
func (v *Validator) CrossCheck(kind domain.Kind, values map[string]string) RecordResult {
	rr := RecordResult{Boost: map[string]float64{}}
	dates := map[string]span{}
	for field, text := range values {
		if t, _ := fieldType(field); t != TypeDate && t != TypeDateInWords {
			continue
		}
		if r := v.Check(TypeOf(kind, field), text); r.Value != "" {
			if s, ok := parseSpan(r.Value); ok {
				dates[field] = s
			}
		}
	}
	switch kind {
	case domain.KindBirth:
		rr.agree(dates, "birth_date", "birth_date_in_words")
		birth, ok := dates["birth_date"]
		if !ok {
			birth, ok = dates["birth_date_in_words"]
		}
		if reg, ok2 := dates["registration_date"]; ok && ok2 {
			rr.order(birth, reg, "registration_date", CodeBeforeBirth, "ngày sinh", "the birth date")
			if reg.lo.After(birth.hi.AddDate(lateYears, 0, 0)) {
				rr.add("registration_date", issue(CodeLateRegistration, domain.SeverityNote,
					fmt.Sprintf("Đăng ký khai sinh muộn hơn %d năm sau ngày sinh", lateYears),
					fmt.Sprintf("The birth was registered more than %d years after it happened", lateYears)))
			}
		}
	case domain.KindDeath:
		birth, okB := dates["birth_date"]
		death, okD := dates["death_date"]
		if okB && okD {
			rr.order(birth, death, "death_date", CodeDeathBeforeBirth, "ngày sinh", "the birth date")
		}
		if reg, ok := dates["registration_date"]; ok && okD {
			rr.order(death, reg, "registration_date", CodeBeforeDeath, "ngày chết", "the date of death")
		}
	case domain.KindMarriage:
		reg, ok := dates["registration_date"]
		for _, sp := range []struct {
			field, vi, en string
			age           int
		}{
			{"husband_birth_date", "Người chồng", "The husband", minAgeHusband},
			{"wife_birth_date", "Người vợ", "The wife", minAgeWife},
		} {
			birth, okB := dates[sp.field]
			if !ok || !okB {
				continue
			}
			rr.order(birth, reg, "registration_date", CodeBeforeBirth, "ngày sinh", "the birth date")
			// Under age only if even the earliest possible birth gives fewer completed years.
			if reg.lo.After(birth.lo) && reg.hi.Before(birth.lo.AddDate(sp.age, 0, 0)) {
				rr.add(sp.field, issue(CodeMarriageAge, domain.SeverityNote,
					fmt.Sprintf("%s chưa đủ %d tuổi khi đăng ký kết hôn", sp.vi, sp.age),
					fmt.Sprintf("%s was under %d at registration", sp.en, sp.age)))
			}
		}
	}
	if len(rr.Boost) == 0 {
		rr.Boost = nil
	}
	return rr
}

func (rr *RecordResult) add(field string, is domain.Issue) {
	is.Field = field
	rr.Issues = append(rr.Issues, is)
}

// agree compares two readings of one date: equal at the precision both have is agreement.
func (rr *RecordResult) agree(dates map[string]span, a, b string) {
	da, okA := dates[a]
	db, okB := dates[b]
	if !okA || !okB {
		return
	}
	if da.lo.After(db.hi) || db.lo.After(da.hi) {
		for _, f := range []string{a, b} {
			rr.add(f, issue(CodeDatesDisagree, domain.SeverityError,
				fmt.Sprintf("Ngày sinh ghi bằng số (%s) và bằng chữ (%s) không khớp", viDate(da.text), viDate(db.text)),
				fmt.Sprintf("The birth date in digits (%s) and in words (%s) disagree", da.text, db.text)))
			rr.Boost[f] = boostDisagree
		}
		return
	}
	if da.lo.Equal(da.hi) && db.lo.Equal(db.hi) {
		rr.Boost[a], rr.Boost[b] = boostAgree, boostAgree // only full dates corroborate
	}
}

// order reports an error on field when later (its date) is certainly before earlier.
func (rr *RecordResult) order(earlier, later span, field, code, whatVI, whatEN string) {
	if earlier.lo.After(later.hi) {
		rr.add(field, issue(code, domain.SeverityError,
			fmt.Sprintf("Ngày %s trước %s (%s)", viDate(later.text), whatVI, viDate(earlier.text)),
			fmt.Sprintf("%s is before %s (%s)", later.text, whatEN, earlier.text)))
	}
}
