package spelling

import (
	"strings"
)

// The set of valid Vietnamese syllables is generated from the phonotactic and spelling rules of
// the language rather than from a word list, so that rare given names are accepted. It therefore
// also contains syllables that are well formed but happen not to be used ("nguyển" is a possible
// syllable — nguyên with the hỏi tone — even though no word is spelt so). What it rejects are
// shapes the writing system cannot produce: letters outside the alphabet (j, f, w, z), vowel
// clusters that are not nuclei ("ee", "uye" without the circumflex), a tone mark on the wrong
// vowel ("Ngũyen"), two tone marks, hỏi/ngã/huyền on a stop coda ("Phúc" but not "Phùc"), and
// spelling-rule breaches (k before a, c before e, g before i/e without h, gh before a).

// onsets are the written initial consonants; "" is a syllable starting with a vowel. q appears
// only as "qu" through the medial.
var onsets = []string{"", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n",
	"ng", "ngh", "nh", "p", "ph", "r", "s", "t", "th", "tr", "v", "x"}

// rhymeRule lists, for a nucleus as written in a closed syllable, the codas it takes; "." is the
// open syllable, and the glide codas are written as they appear (ay, au, ây, âu, ao, eo, …). The
// diphthongs iê, uô, ươ are written ia, ua, ưa when open.
type rhymeRule struct {
	nucleus string
	codas   string
}

var plainRhymes = []rhymeRule{
	{"a", ". c ch m n ng nh p t i o"},
	{"ă", "c m n ng p t y u"}, // ă+y and ă+u are written ay, au
	{"â", "c m n ng p t y u"},
	{"e", ". c m n ng p t o"},
	{"ê", ". ch m n nh p t u"},
	{"i", ". ch m n nh p t u"},
	{"y", "."}, // Lý, Mỹ, Vy: the y spelling of open i
	{"o", ". c m n ng p t i"},
	{"ô", ". c m n ng p t i"},
	{"ơ", ". m n p t i"},
	{"u", ". c m n ng p t i"},
	{"ư", ". c m ng t i u"},
	{"iê", ". c m n ng p t u"},
	{"uô", ". c m n ng t i"},
	{"ươ", ". c m n ng p t i u"},
}

// medialRhymes follow the medial /w/, written o before a, ă, e and u elsewhere ("W" below); after
// q it is always u (qua, quăn, que). Rounded nuclei take no medial, except "quốc".
var medialRhymes = []rhymeRule{
	{"Wa", ". c ch m n ng nh p t i"},
	{"Wă", "c m n ng t y"},
	{"We", ". n t o"},
	{"uâ", "n ng t y"},
	{"uê", ". ch nh"},
	{"uy", ". ch n nh t u"},
	{"uyê", ". n t"},
	{"uơ", "."},
}

// takesMedial reports whether an onset can be followed by the medial in native words (labials
// cannot; the velar before the medial is spelt q).
func takesMedial(on string) bool {
	switch on {
	case "b", "m", "p", "ph", "v", "gh", "ngh", "gi", "c", "k":
		return false
	}
	return true
}

// takesY reports whether an onset may spell the open nucleus i as y (Lý, Kỳ, Mỹ, Vy, Thy, Sỹ, Hy).
func takesY(on string) bool {
	switch on {
	case "", "h", "k", "l", "m", "n", "s", "t", "th", "v", "d":
		return true
	}
	return false
}

// stop reports whether a written rhyme ends in a stop consonant, which allows only sắc and nặng.
func stop(rhyme string) bool {
	return strings.HasSuffix(rhyme, "c") || strings.HasSuffix(rhyme, "ch") ||
		strings.HasSuffix(rhyme, "p") || strings.HasSuffix(rhyme, "t")
}

// front reports whether a nucleus starts with a front vowel, before which the velar onsets are
// spelt k, gh, ngh.
func front(rhyme string) bool {
	r := []rune(rhyme)[0]
	return r == 'e' || r == 'ê' || r == 'i' || r == 'y'
}

// writeRhyme applies the spelling rules for one nucleus, coda and medial.
func writeRhyme(nucleus, coda string, q bool) string {
	if strings.HasPrefix(nucleus, "W") {
		if q {
			nucleus = "u" + nucleus[1:]
		} else {
			nucleus = "o" + nucleus[1:]
		}
	}
	if coda == "." {
		coda = ""
	}
	if coda == "" {
		switch nucleus {
		case "iê":
			nucleus = "ia"
		case "uô":
			nucleus = "ua"
		case "ươ":
			nucleus = "ưa"
		case "uyê":
			nucleus = "uya"
		}
	}
	if (coda == "y" || coda == "u") && strings.HasSuffix(nucleus, "ă") {
		nucleus = strings.TrimSuffix(nucleus, "ă") + "a"
	}
	return nucleus + coda
}

// syllableForms calls add with every valid toneless syllable and the rune positions in it where a
// tone mark may go (two positions for open oa, oe, uy: hoà/hòa, thuý/thúy).
func syllableForms(add func(s string, pos []int, stop bool)) {
	for _, on := range onsets {
		for _, rr := range plainRhymes {
			if rr.nucleus == "y" && !takesY(on) {
				continue
			}
			for _, coda := range strings.Fields(rr.codas) {
				rh := writeRhyme(rr.nucleus, coda, false)
				emit(on, rh, false, add)
			}
		}
		if !takesMedial(on) {
			continue
		}
		for _, rr := range medialRhymes {
			for _, coda := range strings.Fields(rr.codas) {
				emit(on, writeRhyme(rr.nucleus, coda, false), true, add)
			}
		}
	}
	// q takes the medial only.
	for _, rr := range medialRhymes {
		for _, coda := range strings.Fields(rr.codas) {
			emitQ(writeRhyme(rr.nucleus, coda, true), add)
		}
	}
	emitQ("uôc", add) // quốc
	emitQ("ui", add)  // the older spelling of quy (Qui Nhơn, Quí)
}

func emitQ(rhyme string, add func(string, []int, bool)) {
	// "qu" + rhyme without its leading u.
	rest := strings.TrimPrefix(rhyme, "u")
	s := "qu" + rest
	add(s, tonePositions(s, 2, false), stop(rhyme))
}

// emit spells onset+rhyme and checks the onset's spelling rules.
func emit(on, rh string, medial bool, add func(string, []int, bool)) {
	fr := front(rh) && !medial
	switch on {
	case "c", "g", "ng":
		if fr {
			return
		}
	case "k", "gh", "ngh":
		if !fr {
			return
		}
	}
	if on == "" && !medial && strings.HasPrefix(rh, "iê") {
		rh = "y" + strings.TrimPrefix(rh, "i") // yên, yêu, yết
	}
	onLen := len([]rune(on))
	if on == "gi" && strings.HasPrefix(rh, "i") {
		on, onLen = "g", 1 // gi + ì → gì, gi + iêng → giêng
	}
	if on == "gi" && strings.HasPrefix(rh, "y") {
		return
	}
	s := on + rh
	add(s, tonePositions(s, onLen, medial), stop(rh))
}

// tonePositions applies the placement rules to the vowels after the onset: on the last vowel
// bearing a letter mark (ươ → ơ), else on the last vowel when a consonant closes the syllable,
// else on the middle of three vowels, the second of oa/oe/uy (and, in the older style, the first),
// or the first of any other pair (mía, múa, tái).
func tonePositions(s string, onLen int, medial bool) []int {
	rs := []rune(s)
	start, end := -1, -1
	for i := onLen; i < len(rs); i++ {
		if isVowelBase(decompose(rs[i]).base) {
			if start < 0 {
				start = i
			}
			end = i + 1
		} else if start >= 0 {
			break
		}
	}
	if start < 0 {
		return nil
	}
	for i := end - 1; i >= start; i-- {
		if m := decompose(rs[i]).mod; m != modNone {
			return []int{i}
		}
	}
	n := end - start
	switch {
	case end < len(rs):
		return []int{end - 1}
	case n == 1:
		return []int{start}
	case n == 3:
		return []int{start + 1}
	case medial:
		return []int{start + 1, start}
	}
	return []int{start}
}

// syllableTones lists the tones a syllable may carry.
func syllableTones(stop bool) []tone {
	if stop {
		return []tone{toneAcute, toneDot}
	}
	return []tone{toneNone, toneAcute, toneGrave, toneHook, toneTilde, toneDot}
}

// withTone puts t on the rune at pos.
func withTone(s string, pos int, t tone) string {
	rs := []rune(s)
	l := decompose(rs[pos])
	l.tone = t
	rs[pos] = compose(l)
	return string(rs)
}

// buildSyllables returns the set of every valid lowercase syllable with its tone.
func buildSyllables() map[string]struct{} {
	set := make(map[string]struct{}, 40000)
	syllableForms(func(s string, pos []int, st bool) {
		for _, t := range syllableTones(st) {
			if t == toneNone {
				set[s] = struct{}{}
				continue
			}
			for _, p := range pos {
				set[withTone(s, p, t)] = struct{}{}
			}
		}
	})
	return set
}
