package validate

import (
	"slices"
	"strings"

	"github.com/sohoa/sohoa/validate/spelling"
)

// Vietnamese number words, folded (no diacritics) because OCR often drops marks: "mười" and
// "mươi" both fold to "muoi", and structure tells them apart (after a digit it multiplies by ten).
// "năm" folds to "nam", which is both five and the year keyword; the date parser splits on the
// keyword before the words reach numberWords.
func digitWord(w string) (int, bool) {
	switch w {
	case "khong":
		return 0, true
	case "mot": // một, and mốt in "hai mươi mốt"
		return 1, true
	case "hai":
		return 2, true
	case "ba":
		return 3, true
	case "bon", "tu": // bốn, tư
		return 4, true
	case "nam", "lam", "nham": // năm, lăm and nhăm in "mười lăm", "hai mươi nhăm"
		return 5, true
	case "sau":
		return 6, true
	case "bay": // bảy, bẩy
		return 7, true
	case "tam":
		return 8, true
	case "chin":
		return 9, true
	}
	return 0, false
}

// dateVocabulary is every folded word a date in words may contain, for repairing damaged words.
var dateVocabulary = []string{"khong", "mot", "hai", "bon", "nam", "lam", "sau", "bay", "tam", "chin",
	"muoi", "linh", "tram", "nghin", "ngan", "gieng", "chap", "ngay", "thang", "mong", "mung", "ham",
	"nham", "tu", "ba", "le"}

// repairWord maps a folded word damaged by OCR to the one date word within one edit of it, when
// there is exactly one; short words are left alone since one edit turns "hai" into "bai" or "ba".
func repairWord(w string) (string, bool) {
	if slices.Contains(dateVocabulary, w) {
		return w, false
	}
	if r := strings.NewReplacer("rn", "m", "1", "l", "0", "o").Replace(w); r != w && slices.Contains(dateVocabulary, r) {
		return r, true
	}
	if len(w) < 4 {
		return w, false
	}
	found := ""
	for _, v := range dateVocabulary {
		if len(v) >= 4 && spelling.Distance(w, v) <= 1 {
			if found != "" {
				return w, false
			}
			found = v
		}
	}
	if found == "" {
		return w, false
	}
	return found, true
}

// numberWords reads a number written in words: "mồng tám" (8), "mười lăm" (15), "hai mươi mốt"
// (21), "một nghìn chín trăm chín mươi sáu" (1996), "một ngàn chín trăm linh năm" (1905). It also
// reads a year spelt digit by digit ("một chín tám bảy"). ws are folded words.
func numberWords(ws []string) (int, bool) {
	if len(ws) == 0 {
		return 0, false
	}
	if n, ok := digitByDigit(ws); ok {
		return n, true
	}
	total, group, digit := 0, 0, -1
	seen := false
	for _, w := range ws {
		if d, ok := digitWord(w); ok {
			if digit >= 0 {
				return 0, false
			}
			digit, seen = d, true
			continue
		}
		switch w {
		case "muoi":
			if digit < 0 {
				group += 10 // mười
			} else {
				group += digit * 10 // mươi
			}
		case "ham": // hăm, the spoken hai mươi: "hăm mốt" = 21
			group += 20
		case "tram":
			group += max(digit, 1) * 100
		case "nghin", "ngan":
			n := group + max(digit, 0)
			total += max(n, 1) * 1000
			group = 0
		case "linh", "le":
			continue
		default:
			return 0, false
		}
		digit, seen = -1, true
	}
	return total + group + max(digit, 0), seen
}

// digitByDigit reads two or four digit words in a row as a number ("chín sáu" → 96).
func digitByDigit(ws []string) (int, bool) {
	if len(ws) != 2 && len(ws) != 4 {
		return 0, false
	}
	n := 0
	for _, w := range ws {
		d, ok := digitWord(w)
		if !ok {
			return 0, false
		}
		n = n*10 + d
	}
	return n, true
}

// monthWord reads the month names used in registers besides numbers: tháng giêng (1), tháng chạp (12).
func monthWord(ws []string) (int, bool) {
	if len(ws) == 1 {
		switch ws[0] {
		case "gieng":
			return 1, true
		case "chap":
			return 12, true
		}
	}
	return numberWords(ws)
}
