package validate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// edgeJunk are marks OCR leaves at the ends of a field (ruling lines, dots of the printed form,
// specks); none of them can start or end a real value.
const edgeJunk = ".,;:'\"`‘’“”~_|*•·!?-–—=/\\+^°"

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
		t := strings.Trim(s, edgeJunk+" ")
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

// titleCase capitalises the first letter of every word, and of each part after a hyphen or an
// apostrophe ("MA QUANG QUÂN" → "Ma Quang Quân", "h'hen niê" → "H'Hen Niê").
func titleCase(s string) string {
	rs := []rune(s)
	start := true
	for i, r := range rs {
		if unicode.IsLetter(r) {
			if start {
				rs[i] = unicode.ToUpper(r)
			} else {
				rs[i] = unicode.ToLower(r)
			}
			start = false
			continue
		}
		start = r == ' ' || r == '-' || r == '\''
	}
	return string(rs)
}

// words splits s on spaces and hyphens.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '–' })
}

// placeAbbreviations keep their dot: "tp. Huế", "h. Yên Lập" (the abbreviated type words of
// placePrefixes, and "kp." for khu phố).
var placeAbbreviations = prefixWords(func(w string, _ prefix) bool { return strings.HasSuffix(w, ".") }, "kp.")

// upperAbbreviations are written in capitals inside places and stay so.
var upperAbbreviations = map[string]bool{"TP": true, "TX": true, "TT": true, "KP": true, "UBND": true, "HTX": true}

// tidyPlace drops the dots and dashes OCR glues to the words of a place ("huyện Thanh. Hà",
// "xã- Quới An", ".huyện", "đội..3"); commas, the dots of abbreviations and dashes inside or
// between names stay.
func tidyPlace(s string) string {
	s = strings.ReplaceAll(s, "..", " ")
	toks := strings.Fields(s)
	mixed := strings.ToUpper(s) != s
	for i, t := range toks {
		if mixed && len([]rune(t)) > 1 && !placeAbbreviations[strings.ToLower(t)] && !upperAbbreviations[strings.TrimRight(t, ".,")] &&
			strings.ToUpper(t) == t && strings.ToLower(t) != t {
			t = titleCase(t) // "xóm LỘC Bổn": one word read in capitals
		}
		comma := strings.HasSuffix(t, ",")
		t = strings.TrimSuffix(t, ",")
		if !placeAbbreviations[strings.ToLower(t)] && utf8.RuneCountInString(t) > 1 {
			t = strings.TrimRight(t, ".-–")
		}
		if utf8.RuneCountInString(t) > 1 {
			t = strings.TrimLeft(t, ".-–'`")
		}
		if comma {
			t += ","
		}
		toks[i] = t
	}
	// A dash right after a unit's type word is a speck ("xã - Nậm Chạc"), and the words naming
	// a commune, district or province are capitalised ("huyện Bát xát").
	out := toks[:0]
	unit, justType := false, false
	for _, t := range toks {
		low := strings.ToLower(t)
		if justType && (t == "-" || t == "–") {
			continue
		}
		isType := typeWord(strings.TrimRight(low, ","))
		if r, size := utf8.DecodeRuneInString(t); unit && !isType && unicode.IsLower(r) {
			t = string(unicode.ToUpper(r)) + t[size:]
		}
		out = append(out, t)
		justType = unitWords[low]
		switch {
		case strings.HasSuffix(t, ",") || isType && !justType:
			unit = false
		case justType:
			unit = true
		}
	}
	return strings.Join(out, " ")
}

// unitWords are the one-word type words of communes, districts and provinces (xã, phường,
// huyện, quận, tỉnh), after which every word of the part is a capitalised name.
var unitWords = prefixWords(func(w string, p prefix) bool { return p.levels != 0 && !strings.ContainsAny(w, " .") && !isASCII(w) })

// prefixWords collects the type words of placePrefixes (without their trailing space) that keep
// says to keep, plus extra ones.
func prefixWords(keep func(w string, p prefix) bool, extra ...string) map[string]bool {
	out := map[string]bool{}
	for _, p := range placePrefixes {
		if w := strings.TrimSuffix(p.word, " "); keep(w, p) {
			out[w] = true
		}
	}
	for _, w := range extra {
		out[w] = true
	}
	return out
}

// tidyName drops the punctuation OCR glues to the words of a name ("Đặng Sao. Băng"); names
// have none but the apostrophe and hyphen inside a word ("H'Hen", "Ka-Ly").
func tidyName(s string) string {
	var out []string
	for _, t := range strings.Fields(s) {
		if u := strings.Trim(t, edgeJunk); u != "" {
			out = append(out, u) // a lone dash or dot between words goes
		}
	}
	return strings.Join(out, " ")
}
