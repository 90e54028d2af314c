package validate

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// penaltyPhrase is the factor for free text corrected to a usual phrase.
const penaltyPhrase = 0.9

// checkPhrase corrects a value that reads as a usual register phrase but for its marks or a
// digit OCR put for a letter ("Ủng thư gan" → "Ung thư gan"), keeping what follows the phrase,
// and flags the correction. It runs before the syllable check, which then sees the corrected text.
func (v *Validator) checkPhrase(r *Result) {
	if r.Value == "" {
		r.Value = r.Written
	}
	toks := strings.Fields(r.Value)
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = fold(strings.Trim(lettersForDigits(t), edgeJunk))
	}
	best := -1
	for i, p := range v.phrases {
		n := len(p.keys)
		if n <= len(keys) && slices.Equal(keys[:n], p.keys) && (best < 0 || n > len(v.phrases[best].keys)) {
			best = i
		}
	}
	if best < 0 {
		return
	}
	p := v.phrases[best]
	n := len(p.keys)
	was := strings.Join(toks[:n], " ")
	tail := was[len(strings.TrimRight(was, edgeJunk)):] // "Tại nhà," keeps its comma
	if strings.ToLower(strings.TrimRight(was, edgeJunk)) == strings.ToLower(p.text) {
		return // as written, whatever the capitals
	}
	r.Value = strings.Join(append([]string{p.text + tail}, toks[n:]...), " ")
	r.add(issue(CodeTextCorrected, SeverityNote,
		fmt.Sprintf("Đọc được %q, đã sửa thành %q: kiểm tra lại", was, p.text),
		fmt.Sprintf("Read %q, corrected to %q: check it", was, p.text)), penaltyPhrase)
}

// lettersForDigits undoes the digits OCR reads for letters inside a word ("1ao" → "lao").
func lettersForDigits(t string) string {
	if strings.IndexFunc(t, unicode.IsLetter) < 0 {
		return t
	}
	return strings.NewReplacer("1", "l", "0", "o").Replace(t)
}

// phrase is a usual free-text phrase and its folded words.
type phrase struct {
	text string
	keys []string
}

//go:embed data/phrases.txt
var phrasesTxt string

// loadPhrases reads the usual phrases of data/phrases.txt.
func loadPhrases() []phrase {
	var out []phrase
	for _, l := range strings.Split(phrasesTxt, "\n") {
		if l = strings.TrimSpace(l); l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		p := phrase{text: norm.NFC.String(l)}
		for _, w := range strings.Fields(p.text) {
			p.keys = append(p.keys, fold(w))
		}
		out = append(out, p)
	}
	return out
}
