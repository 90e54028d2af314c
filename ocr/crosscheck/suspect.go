package crosscheck

import (
	"strings"
	"unicode"

	"github.com/sohoa/sohoa/domain"
)

// Readings that no register writes, whatever the value's check made of them: they are OCR
// damage, and a value holding them is not shown as certain.
const (
	CodeUnreadableChar = "unreadable_character" // "xóm ?, xã …": a character Tesseract could not read
	CodeMixedToken     = "letters_digits_mixed" // "Bắc Hả1": a digit inside a word
	CodeMixedCase      = "mixed_case"           // "PhƯớc": a capital after small letters
	CodeOneWordName    = "name_one_word"        // "Vân": a full name is never one word
	CodeStrayMark      = "stray_mark"           // "xã” Xuân Bắc", "Xuân Hòa, - huyện": a speck read as a mark
)

// strayMarks are marks no name or place holds: specks and rule ends read as quotes or accents.
const strayMarks = "\"”“„‟‘’`ˆ˜%*_|\\"

// hasStrayMark reports whether v holds a stray mark, or a dash standing after a comma (a dash
// between two words, as in "Bà Rịa - Vũng Tàu", is written).
func hasStrayMark(v string) bool {
	if strings.ContainsAny(v, strayMarks) {
		return true
	}
	ws := strings.Fields(v)
	for i := 1; i < len(ws); i++ {
		if strings.Trim(ws[i], "-–—") == "" && strings.HasSuffix(ws[i-1], ",") {
			return true
		}
	}
	return false
}

// Suspect flags a name or place whose reading holds a character Tesseract could not read,
// a digit inside a word, a capital after small letters, or a full name of one word.
func Suspect(f Field) Field {
	if f.Value == "" || f.Type != "name" && f.Type != "place" {
		return f
	}
	add := func(code, vi, en string) {
		f.Issues = append(f.Issues, domain.Issue{Field: f.Name, Code: code, Severity: domain.SeverityError, VI: vi, EN: en})
		f.NeedsReview = true
	}
	if strings.ContainsAny(f.Text, "?�") {
		add(CodeUnreadableChar, "Có chữ không đọc được", "A character could not be read")
	}
	if hasStrayMark(f.Value) {
		add(CodeStrayMark, "Có dấu lạ trong giá trị", "A stray mark in the value")
	}
	for _, w := range strings.Fields(f.Value) {
		w = strings.Trim(w, ",.;:()")
		letters, digits, mixed := false, false, false
		lower := false
		for _, r := range w {
			switch {
			case unicode.IsDigit(r):
				digits = true
			case unicode.IsLetter(r):
				letters = true
				if unicode.IsUpper(r) && lower {
					mixed = true
				}
				lower = unicode.IsLower(r)
			}
		}
		if letters && digits {
			add(CodeMixedToken, "Chữ số lẫn trong chữ: \""+w+"\"", "A digit inside the word "+w)
			break
		}
		if mixed {
			add(CodeMixedCase, "Chữ hoa lẫn giữa chữ thường: \""+w+"\"", "A capital among small letters in "+w)
			break
		}
	}
	if f.Type == "name" && len(strings.Fields(f.Value)) == 1 {
		add(CodeOneWordName, "Họ tên chỉ có một chữ", "A full name of one word")
	}
	return f
}
