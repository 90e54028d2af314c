package validate

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/validate/spelling"
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
	// A 1 inside a word is an l or an i misread ("1ao", "Ta1"): each word has both readings.
	keys := make([][2]string, len(toks))
	for i, t := range toks {
		for k, one := range []string{"l", "i"} {
			keys[i][k] = spelling.Fold(strings.Trim(lettersForDigits(t, one), spelling.EdgeJunk))
		}
	}
	matches := func(p phrase) bool {
		if len(p.keys) > len(keys) {
			return false
		}
		for j, k := range p.keys {
			if keys[j][0] != k && keys[j][1] != k {
				return false
			}
		}
		return true
	}
	best := -1
	for i, p := range v.phrases {
		if matches(p) && (best < 0 || len(p.keys) > len(v.phrases[best].keys)) {
			best = i
		}
	}
	if best < 0 {
		return
	}
	p := v.phrases[best]
	n := len(p.keys)
	was := strings.Join(toks[:n], " ")
	tail := was[len(strings.TrimRight(was, spelling.EdgeJunk)):] // "Tại nhà," keeps its comma
	if strings.ToLower(strings.TrimRight(was, spelling.EdgeJunk)) == strings.ToLower(p.text) {
		return // as written, whatever the capitals
	}
	r.Value = strings.Join(append([]string{p.text + tail}, toks[n:]...), " ")
	r.add(issue(CodeTextCorrected, domain.SeverityNote,
		fmt.Sprintf("Đọc được %q, đã sửa thành %q: kiểm tra lại", was, p.text),
		fmt.Sprintf("Read %q, corrected to %q: check it", was, p.text)), penaltyPhrase)
}

// lettersForDigits undoes the digits OCR reads for letters inside a word, reading 1 as one
// ("l" or "i") and 0 as o: "1ao" → "lao".
func lettersForDigits(t, one string) string {
	if strings.IndexFunc(t, unicode.IsLetter) < 0 {
		return t
	}
	return strings.NewReplacer("1", one, "0", "o").Replace(t)
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
			p.keys = append(p.keys, spelling.Fold(w))
		}
		out = append(out, p)
	}
	return out
}
