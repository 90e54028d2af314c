package place

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sohoa/sohoa/validate/spelling"
)

// levels is a set of administrative levels a part of a place may be.
type levels uint8

const (
	anyLevel levels = 1<<lvCommune | 1<<lvDistrict | 1<<lvProvince
)

func (l levels) has(lv int) bool { return l&(1<<lv) != 0 }

// placePart is one comma- or dash-separated part of a written place.
type placePart struct {
	written string // as written, with its type word
	name    string // without the type word
	key     string // placeKey(name)
	allowed levels // levels its type word allows
	typed   bool   // it had a type word (xã, huyện, tỉnh, …)
	unit    string // the unit type the word names, folded ("huyen"), or empty
	hamlet  bool   // below the commune (thôn, xóm, ấp, bản, …) or not a unit (bệnh viện)
}

// prefix is a type word that may open a part.
type prefix struct {
	word   string // lowercase, with diacritics
	levels levels
	hamlet bool
	unit   string // the unit type it stands for, folded: "huyen" for "huyện " and "h."
}

// Level sets written before names.
const (
	asCommune  = levels(1 << lvCommune)
	asDistrict = levels(1 << lvDistrict)
	asProvince = levels(1 << lvProvince)
	asCity     = asDistrict | asProvince // thành phố: a provincial city or a centrally governed one
)

// placePrefixes, longest first so that "thành phố" wins over "phố". Those with no levels mark a
// part below the commune, or a building, which no gazetteer lists.
var placePrefixes = []prefix{
	{"nhà hộ sinh ", 0, true, ""}, {"bệnh viện ", 0, true, ""}, {"trạm y tế ", 0, true, ""},
	{"trạm xá ", 0, true, ""},
	{"thị trấn ", asCommune, false, "thi tran"}, {"thành phố ", asCity, false, "thanh pho"},
	{"thị xã ", asDistrict, false, "thi xa"}, {"phường ", asCommune, false, "phuong"},
	{"huyện ", asDistrict, false, "huyen"}, {"quận ", asDistrict, false, "quan"},
	{"tỉnh ", asProvince, false, "tinh"}, {"xã ", asCommune, false, "xa"},
	{"khu phố ", 0, true, ""}, {"số nhà ", 0, true, ""}, {"thôn ", 0, true, ""}, {"xóm ", 0, true, ""},
	{"ấp ", 0, true, ""}, {"bản ", 0, true, ""}, {"làng ", 0, true, ""}, {"buôn ", 0, true, ""},
	{"khóm ", 0, true, ""}, {"khối ", 0, true, ""}, {"khu ", 0, true, ""}, {"tổ ", 0, true, ""},
	{"đường ", 0, true, ""}, {"phố ", 0, true, ""}, {"số ", 0, true, ""},
	{"tp.", asCity, false, "thanh pho"}, {"tp ", asCity, false, "thanh pho"},
	{"tx.", asDistrict, false, "thi xa"}, {"tx ", asDistrict, false, "thi xa"},
	{"tt.", asCommune, false, "thi tran"}, {"tt ", asCommune, false, "thi tran"},
	{"h.", asDistrict, false, "huyen"}, {"q.", asDistrict, false, "quan"},
	{"p.", asCommune, false, "phuong"}, {"x.", asCommune, false, "xa"}, {"t.", asProvince, false, "tinh"},
}

// fixTypeWords puts back the marks OCR got wrong on the type word opening a part ("tố 6" for
// tổ 6, "xă Tân An" for xã) and returns the words it corrected. It acts only when the word is
// followed by a number, is written in lower case before a capitalised name ("bẩn Lam Điền"), or
// is no Vietnamese syllable at all (valid says which are): "Tô Hiến Thành", "Tĩnh Gia" and
// "Dương Khuê" are names, kept as written, and d never becomes đ. known says which placeKeys
// name a unit. Words without any mark are left to parsePart, which matches them folded.
func fixTypeWords(s string, valid, known func(string) bool) (string, []string) {
	parts := strings.Split(s, ",")
	var fixed []string
	for i, p := range parts {
		lead := len(p) - len(strings.TrimLeft(p, " "))
		w, rest, _ := strings.Cut(p[lead:], " ")
		low := strings.ToLower(w)
		if rest == "" || isASCII(w) || typeWord(low) {
			continue
		}
		// A real word is taken for a misread type word only before a number, or when it is
		// written in lower case before a capitalised name, as type words are ("bẩn Lam Điền"),
		// unless the part is itself a unit's name ("xà Phiên", "quán Thánh").
		r, _ := utf8.DecodeRuneInString(rest)
		beforeName := w == low && unicode.IsUpper(r) && !known(placeKey(p))
		if !unicode.IsDigit(r) && !beforeName && valid(low) {
			continue
		}
		for _, pr := range placePrefixes {
			word := strings.TrimSuffix(pr.word, " ")
			if strings.ContainsAny(word, " .") || spelling.Fold(word) != spelling.Fold(low) ||
				strings.ContainsRune(word, 'đ') != strings.ContainsRune(low, 'đ') {
				continue
			}
			parts[i] = p[:lead] + spelling.MatchCase(word, w) + " " + rest
			fixed = append(fixed, w)
			break
		}
	}
	return strings.Join(parts, ","), fixed
}

// typeWord reports whether w is a one-word type word as written.
func typeWord(w string) bool { return typeWords[w] }

// typeWords are all the type words of placePrefixes, without their trailing space.
var typeWords = prefixWords(func(string, prefix) bool { return true })

// parsePart recognises the type word of one part. The type words are matched with their
// diacritics ("Quan Hóa" is a district, not "quận Hóa"), or folded when OCR lost every mark in the
// part.
func parsePart(s string) placePart {
	s = strings.Trim(s, spelling.EdgeJunk+" ")
	p := placePart{written: s, name: s, allowed: anyLevel}
	low := strings.ToLower(s)
	ascii := isASCII(s)
	for _, pr := range placePrefixes {
		w := pr.word
		if ascii {
			w = spelling.Fold(w)
		}
		if strings.HasPrefix(low, w) && len(low) > len(w) {
			p.name = strings.TrimSpace(string([]rune(s)[len([]rune(w)):]))
			p.allowed, p.typed, p.hamlet, p.unit = pr.levels, true, pr.hamlet, pr.unit
			break
		}
	}
	p.key = placeKey(p.name)
	return p
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// splitPlace cuts a written place into parts at commas and semicolons, and at dashes unless the
// dash is inside a unit's name ("Bà Rịa - Vũng Tàu", "Quảng Nam - Đà Nẵng", "Phan Rang-Tháp Chàm").
func (x *Index) splitPlace(s string) []placePart {
	var parts []placePart
	for _, chunk := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		pieces := strings.FieldsFunc(chunk, func(r rune) bool { return r == '-' || r == '–' || r == '—' })
		for i := 0; i < len(pieces); i++ {
			p := parsePart(pieces[i])
			if i+1 < len(pieces) {
				joined := parsePart(pieces[i] + " - " + pieces[i+1])
				if x.known(joined.key) {
					p = joined
					i++
				}
			}
			if p.hamlet && x.known(placeKey(p.written)) {
				// "Bản Qua", "Phố Lu" are commune names, not a hamlet and a street.
				p.name, p.key, p.allowed, p.typed, p.hamlet = p.written, placeKey(p.written), anyLevel, false, false
			}
			if p.written != "" {
				parts = append(parts, p)
			}
		}
	}
	return parts
}

// known reports whether key names a unit at any level or a former province.
func (x *Index) known(key string) bool {
	for _, m := range x.byKey {
		if len(m[key]) > 0 {
			return true
		}
	}
	_, ok := x.oldByKey[key]
	return ok
}
