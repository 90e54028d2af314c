package validate

import (
	"slices"
	"strings"
	"unicode"

	"github.com/sohoa/sohoa/validate/spelling"
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
	r.Value = spelling.TitleCase(tidyName(r.Written))
	toks := words(r.Value)
	var bad []int
	for i, t := range toks {
		if !v.syl.Valid(strings.ReplaceAll(t, "'", "")) {
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
		cands[k] = v.syl.NameWords(v.syl.Suggest(toks[i], 3, true))
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
		alt := v.syl.UsualNameVariant(t, i == len(toks)-1)
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
	if r.Value == "" {
		r.Value = r.Written
	}
	allUpper := strings.ToUpper(r.Value) == r.Value
	for _, t := range strings.FieldsFunc(r.Value, func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsDigit(c)
	}) {
		if (!allUpper && abbreviation(t)) || hasDigit(t) || v.syl.Valid(t) {
			continue
		}
		r.add(issueSyllable(t))
		r.Penalty = max(minTextPenalty, r.Penalty*penaltyTextSyllable)
		if s := v.syl.Suggest(t, 1, false); len(s) > 0 && len(r.Suggestions) < 3 {
			r.Suggestions = append(r.Suggestions, strings.Replace(r.Value, t, s[0], 1))
		}
	}
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
