package validate

import (
	"strings"
	"unicode"

	"github.com/sohoa/sohoa/validate/spelling"
)

// checkEntryNo reads a registration number: "125", "Số 12", "Số: 125/1990", "12/KS". The value is
// the digits (leading zeros kept: they are part of what the register printed), then "/" and the
// suffix, a year or a book code. OCR reads 0 as O and 1 as l, I or |; those are repaired inside
// runs of digits.
func checkEntryNo(r *Result) {
	s := r.Written
	f := spelling.Fold(s)
	for _, p := range []string{"so dang ky", "so dk", "so", "no", "n°", "#"} {
		if strings.HasPrefix(f, p) {
			s = string([]rune(s)[len([]rune(p)):])
			break
		}
	}
	s = strings.Trim(s, spelling.EdgeJunk+" ")
	if s == "" {
		r.add(issueEmpty())
		return
	}
	num, suffix, hasSuffix := strings.Cut(s, "/")
	num, fixed := ocrDigits(strings.ReplaceAll(num, " ", ""))
	if num == "" || strings.IndexFunc(num, func(c rune) bool { return !unicode.IsDigit(c) }) >= 0 {
		r.add(issueEntryUnreadable(r.Written), 0.5)
		return
	}
	r.Value = num
	if hasSuffix {
		suffix = strings.ReplaceAll(strings.TrimSpace(suffix), " ", "")
		if d, f2 := ocrDigits(suffix); f2 && strings.IndexFunc(d, func(c rune) bool { return !unicode.IsDigit(c) }) < 0 {
			suffix, fixed = d, true
		}
		r.Value += "/" + strings.ToUpper(suffix)
	}
	if fixed {
		r.penalize(penaltyRepaired)
	}
}

// ocrDigits repairs letters OCR reads in place of digits (O o → 0; l I | → 1) in a token that has at
// least one real digit. fixed reports whether anything changed.
func ocrDigits(s string) (string, bool) {
	if strings.IndexFunc(s, unicode.IsDigit) < 0 {
		return s, false
	}
	out := strings.Map(func(c rune) rune {
		switch c {
		case 'O', 'o', 'D':
			return '0'
		case 'l', 'I', '|', 'i', '!':
			return '1'
		}
		return c
	}, s)
	return out, out != s
}
