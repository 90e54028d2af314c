package spelling

import "unicode"

// EdgeJunk are marks OCR leaves at the ends of a field (ruling lines, dots of the printed form,
// specks); none of them can start or end a real value or a part of one.
const EdgeJunk = ".,;:'\"`‘’“”~_|*•·!?-–—=/\\+^°"

// Base is r without any Vietnamese mark, in its own case: 'ễ' → 'e', 'Đ' → 'D'.
func Base(r rune) rune {
	if r < 0x80 {
		return r
	}
	return decompose(r).base
}

// TitleCase capitalises the first letter of every word, and of each part after a hyphen or an
// apostrophe ("MA QUANG QUÂN" → "Ma Quang Quân", "h'hen niê" → "H'Hen Niê").
func TitleCase(s string) string {
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

// JoinVI and JoinEN list names for a message: "A, B hoặc C", "A, B or C".
func JoinVI(names []string) string { return joinWith(names, " hoặc ") }
func JoinEN(names []string) string { return joinWith(names, " or ") }

func joinWith(names []string, last string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	s := names[0]
	for _, n := range names[1 : len(names)-1] {
		s += ", " + n
	}
	return s + last + names[len(names)-1]
}
