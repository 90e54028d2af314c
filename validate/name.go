package validate

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Penalty factors for syllables outside the set: strong in a name, where every word must be a
// syllable, mild in free text, where loanwords and abbreviations occur.
const (
	penaltyNameSyllable = 0.5
	penaltyTextSyllable = 0.9
	minNamePenalty      = 0.1
	minTextPenalty      = 0.5
)

// checkName title-cases a name and checks each word against the syllable set. The written form
// keeps its tone placement (Thuý and Thúy are both correct and belong to the person).
func (v *Validator) checkName(r *Result) {
	r.Value = titleCase(tidyName(r.Written))
	toks := words(r.Value)
	var bad []int
	for i, t := range toks {
		if !v.syl.valid(strings.ReplaceAll(t, "'", "")) {
			bad = append(bad, i)
			r.add(issueSyllable(t))
			r.Penalty = max(minNamePenalty, r.Penalty*penaltyNameSyllable)
		}
	}
	if len(bad) == 0 {
		v.checkNameMarks(r, toks)
		return
	}
	// Suggest whole names: the k-th suggestion replaces every bad word by its k-th candidate
	// (or its best one when it has fewer).
	cands := make([][]string, len(bad))
	most := 0
	for k, i := range bad {
		cands[k] = v.syl.suggest(toks[i], 3, true)
		most = max(most, len(cands[k]))
	}
	for n := range most {
		out := append([]string(nil), toks...)
		for k, i := range bad {
			if c := cands[k]; len(c) > 0 {
				out[i] = c[min(n, len(c)-1)]
			}
		}
		s := strings.Join(out, " ")
		if !slices.Contains(r.Suggestions, s) {
			r.Suggestions = append(r.Suggestions, s)
		}
	}
}

// penaltyUnusualName lowers the confidence of a name with a word no name list has while the
// same letters with other marks are a usual name word ("Duyền" for Duyên, "Hãi" for Hải): a
// tone or hook misread that the syllable check cannot see.
const penaltyUnusualName = 0.8

// checkNameMarks flags valid name words that are unusual in names while a variant in marks is
// usual, suggesting the name with the usual word.
func (v *Validator) checkNameMarks(r *Result, toks []string) {
	for i, t := range toks {
		alt := v.syl.usualNameVariant(t, i == len(toks)-1)
		if alt == "" {
			continue
		}
		r.add(issueUnusualName(t, alt))
		r.Penalty = max(minNamePenalty, r.Penalty*penaltyUnusualName)
		out := append([]string(nil), toks...)
		out[i] = alt
		if s := strings.Join(out, " "); !slices.Contains(r.Suggestions, s) {
			r.Suggestions = append(r.Suggestions, s)
		}
	}
}

// checkText cleans free text and checks its words mildly: numbers, abbreviations in capitals
// ("HIV") and words with digits are left alone.
func (v *Validator) checkText(r *Result) {
	r.Value = r.Written
	allUpper := strings.ToUpper(r.Written) == r.Written
	for _, t := range strings.FieldsFunc(r.Written, func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsDigit(c)
	}) {
		if (!allUpper && abbreviation(t)) || hasDigit(t) || v.syl.valid(t) {
			continue
		}
		r.add(issueSyllable(t))
		r.Penalty = max(minTextPenalty, r.Penalty*penaltyTextSyllable)
		if s := v.syl.suggest(t, 1, false); len(s) > 0 && len(r.Suggestions) < 3 {
			r.Suggestions = append(r.Suggestions, strings.Replace(r.Value, t, s[0], 1))
		}
	}
}

// penaltyPhrase is the factor for free text corrected to a usual phrase.
const penaltyPhrase = 0.9

// checkPhrase corrects free text that reads as a usual register phrase but for its marks or a
// digit OCR put for a letter ("Ủng thư gan" → "Ung thư gan"), keeping what follows the phrase,
// and flags the correction.
func (v *Validator) checkPhrase(r *Result) {
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
	if strings.ToLower(strings.Join(toks[:n], " ")) == strings.ToLower(p.text) {
		return // as written, whatever the capitals
	}
	was := strings.Join(toks[:n], " ")
	r.Value = strings.Join(append([]string{p.text}, toks[n:]...), " ")
	r.Issues = slices.DeleteFunc(r.Issues, func(is Issue) bool { return is.Code == CodeSyllable })
	r.Suggestions = nil
	r.Penalty = penaltyPhrase
	r.add(issue(CodePhrase, SeverityNote,
		fmt.Sprintf("Đọc được %q, đã sửa thành %q: kiểm tra lại", was, p.text),
		fmt.Sprintf("Read %q, corrected to %q: check it", was, p.text)))
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

// abbreviation reports whether t is written in capitals, like "HIV" or "UBND".
func abbreviation(t string) bool {
	n := 0
	for _, c := range t {
		if !unicode.IsUpper(c) {
			return false
		}
		n++
	}
	return n > 1
}

func hasDigit(t string) bool {
	return strings.IndexFunc(t, unicode.IsDigit) >= 0
}
