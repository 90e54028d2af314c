package gazetteer

import "strings"

// foldTable maps every Vietnamese letter with diacritics to its base letter.
var foldTable = func() map[rune]rune {
	m := map[rune]rune{}
	for base, letters := range map[rune]string{
		'a': "àáảãạăằắẳẵặâầấẩẫậ", 'e': "èéẻẽẹêềếểễệ", 'i': "ìíỉĩị", 'o': "òóỏõọôồốổỗộơờớởỡợ",
		'u': "ùúủũụưừứửữự", 'y': "ỳýỷỹỵ", 'd': "đ",
	} {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

// Fold lowers s and takes off its diacritics (đ becomes d), collapsing spaces, so that "gia
// sang" finds "Gia Sàng". Input is expected in NFC, as everything in sohoa is.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if f, ok := foldTable[r]; ok {
			r = f
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
