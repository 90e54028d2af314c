package validate

import (
	"fmt"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/validate/spelling"
)

// Issue codes. They are stable: the review screen and exports key on them.
const (
	CodeEmpty            = "empty"
	CodeSyllable         = "syllable"
	CodeSex              = "sex_unknown"
	CodeDateUnreadable   = "date_unreadable"
	CodeDateInvalid      = "date_invalid"
	CodeDateRange        = "date_range"
	CodeDatePartial      = "date_partial"
	CodeTwoDigitYear     = "two_digit_year"
	CodeEthnicUnknown    = "ethnicity_unknown"
	CodeEthnicAmbiguous  = "ethnicity_ambiguous"
	CodeEthnicOtherName  = "ethnicity_other_name"
	CodeForeign          = "nationality_foreign"
	CodeEntryUnreadable  = "entry_no_unreadable"
	CodeDatesDisagree    = "dates_disagree"
	CodeBeforeBirth      = "registered_before_birth"
	CodeLateRegistration = "late_registration"
	CodeDeathBeforeBirth = "death_before_birth"
	CodeBeforeDeath      = "registered_before_death"
	CodeMarriageAge      = "under_marriage_age"
	CodeUnusualName      = "unusual_name"
	CodeDateExtra        = "date_extra_text"
	CodeTextCorrected    = "text_corrected"
)

func issue(code string, sev domain.Severity, vi, en string) domain.Issue {
	return domain.Issue{Code: code, Severity: sev, VI: vi, EN: en}
}

func issueEmpty() domain.Issue {
	return issue(CodeEmpty, domain.SeverityNote, "Trường này để trống", "The field is empty")
}

func issueSyllable(tok string) domain.Issue {
	return issue(CodeSyllable, domain.SeverityError,
		fmt.Sprintf("%q không phải âm tiết tiếng Việt hợp lệ", tok),
		fmt.Sprintf("%q is not a valid Vietnamese syllable", tok))
}

func issueUnusualName(tok, alt string) domain.Issue {
	return issue(CodeUnusualName, domain.SeverityNote,
		fmt.Sprintf("%q hiếm gặp trong tên người; có phải %q?", tok, alt),
		fmt.Sprintf("%q is rare in names; is it %q?", tok, alt))
}

func issueSex(s string) domain.Issue {
	return issue(CodeSex, domain.SeverityError,
		fmt.Sprintf("Không nhận ra giới tính %q (cần Nam hoặc Nữ)", s),
		fmt.Sprintf("Unrecognised sex %q (expected Nam or Nữ)", s))
}

func issueDateUnreadable(s string) domain.Issue {
	return issue(CodeDateUnreadable, domain.SeverityError,
		fmt.Sprintf("Không đọc được ngày tháng %q", s),
		fmt.Sprintf("Cannot read %q as a date", s))
}

func issueDateInvalid(d, m, y int) domain.Issue {
	return issue(CodeDateInvalid, domain.SeverityError,
		fmt.Sprintf("Ngày %02d/%02d/%d không có trong lịch", d, m, y),
		fmt.Sprintf("%02d/%02d/%d is not a calendar date", d, m, y))
}

func issueDateRange(y int) domain.Issue {
	sev := domain.SeverityNote
	if y > maxYear {
		sev = domain.SeverityError // the registers predate 2000: a later year is a misreading
	}
	return issue(CodeDateRange, sev,
		fmt.Sprintf("Năm %d nằm ngoài khoảng %d–%d của các sổ này", y, minYear, maxYear),
		fmt.Sprintf("Year %d is outside the %d–%d range of these registers", y, minYear, maxYear))
}

func issueDateExtra(extra string) domain.Issue {
	return issue(CodeDateExtra, domain.SeverityNote,
		fmt.Sprintf("Có chữ thừa sau ngày tháng (%q): kiểm tra lại", extra),
		fmt.Sprintf("Extra text after the date (%q): check it", extra))
}

func issueDatePartial() domain.Issue {
	return issue(CodeDatePartial, domain.SeverityNote, "Ngày tháng không đầy đủ (chỉ có tháng, năm hoặc chỉ có năm)",
		"Incomplete date (month and year, or year only)")
}

func issueTwoDigitYear(yy, y int) domain.Issue {
	return issue(CodeTwoDigitYear, domain.SeverityNote,
		fmt.Sprintf("Năm viết hai chữ số %02d, hiểu là %d", yy, y),
		fmt.Sprintf("Two-digit year %02d read as %d", yy, y))
}

func issueEthnicUnknown(s string) domain.Issue {
	return issue(CodeEthnicUnknown, domain.SeverityError,
		fmt.Sprintf("%q không phải tên một trong 54 dân tộc", s),
		fmt.Sprintf("%q is not the name of one of the 54 ethnic groups", s))
}

func issueEthnicAmbiguous(s string, groups []string) domain.Issue {
	return issue(CodeEthnicAmbiguous, domain.SeverityNote,
		fmt.Sprintf("%q là tên gọi khác của nhiều dân tộc: %s", s, spelling.JoinVI(groups)),
		fmt.Sprintf("%q is another name of several groups: %s", s, spelling.JoinEN(groups)))
}

func issueEthnicNamesake(s, larger string) domain.Issue {
	return issue(CodeEthnicAmbiguous, domain.SeverityNote,
		fmt.Sprintf("%q là tên dân tộc %s, nhưng sổ cũ cũng dùng để chỉ dân tộc %s", s, s, larger),
		fmt.Sprintf("%q is the %s group, but older registers also used it for the %s", s, s, larger))
}

func issueEthnicOtherName(s, official string) domain.Issue {
	return issue(CodeEthnicOtherName, domain.SeverityNote,
		fmt.Sprintf("%q là tên gọi khác của dân tộc %s", s, official),
		fmt.Sprintf("%q is another name of the %s group", s, official))
}

func issueForeign(s string) domain.Issue {
	return issue(CodeForeign, domain.SeverityNote,
		fmt.Sprintf("Quốc tịch nước ngoài %q: kiểm tra lại", s),
		fmt.Sprintf("Foreign nationality %q: please check", s))
}

func issueEntryUnreadable(s string) domain.Issue {
	return issue(CodeEntryUnreadable, domain.SeverityError,
		fmt.Sprintf("Không đọc được số đăng ký %q", s),
		fmt.Sprintf("Cannot read the registration number %q", s))
}
