package validate

import (
	"strings"
	"unicode"

	"github.com/sohoa/sohoa/validate/spelling"
	"golang.org/x/text/unicode/norm"
)

// clean returns s in NFC with runs of whitespace collapsed to one space and stray punctuation
// stripped from both ends. Brackets are stripped only when unbalanced, so "Kinh (Việt)" survives.
func clean(s string) string {
	s = norm.NFC.String(s)
	s = strings.NewReplacer("ð", "đ", "Ð", "Đ").Replace(s) // eth, from legacy encodings, looks like đ
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
	})
	kept := fields[:0]
	for _, f := range fields {
		if strayMark(f) {
			continue // "ˆ", a lone ",", a speck read as a word
		}
		kept = append(kept, f)
	}
	s = strings.Join(kept, " ")
	for {
		t := strings.Trim(s, spelling.EdgeJunk+" ")
		if strings.HasPrefix(t, "(") && !strings.Contains(t, ")") {
			t = t[1:]
		}
		if strings.HasSuffix(t, ")") && !strings.Contains(t, "(") {
			t = t[:len(t)-1]
		}
		if t == s {
			return s
		}
		s = t
	}
}

// strayMark reports whether a word has neither letters nor digits and is not a separator a person
// writes between parts ("Gia Sàng - Thái Nguyên", "05 / 03 / 1987").
func strayMark(w string) bool {
	switch w {
	case "-", "–", "—", "/", "&":
		return false
	}
	return strings.IndexFunc(w, func(r rune) bool {
		return (unicode.IsLetter(r) && !unicode.Is(unicode.Lm, r)) || unicode.IsDigit(r) // ˆ ˜ are modifier "letters"
	}) < 0
}

// words splits s on spaces and hyphens.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '–' })
}

// tidyName drops the punctuation OCR glues to the words of a name ("Đặng Sao. Băng"); names
// have none but the apostrophe and hyphen inside a word ("H'Hen", "Ka-Ly").
func tidyName(s string) string {
	var out []string
	for _, t := range strings.Fields(s) {
		if u := strings.Trim(t, spelling.EdgeJunk); u != "" {
			out = append(out, u) // a lone dash or dot between words goes
		}
	}
	return strings.Join(out, " ")
}
