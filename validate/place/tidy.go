package place

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sohoa/sohoa/validate/spelling"
)

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
			t = spelling.TitleCase(t) // "xóm LỘC Bổn": one word read in capitals
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
