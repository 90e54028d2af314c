package ocr

import (
	"strings"

	"github.com/sohoa/sohoa/validate/spelling"
	"golang.org/x/text/unicode/norm"
)

// NormalizeText prepares text for error rates: NFC, every run of whitespace (newlines too)
// collapsed to one space.
func NormalizeText(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
}

// CharErrorRate is the Levenshtein distance between the normalised texts, in characters, over
// the length of the reference.
func CharErrorRate(ref, hyp string) float64 {
	r, h := []rune(NormalizeText(ref)), []rune(NormalizeText(hyp))
	if len(r) == 0 {
		return float64(len(h))
	}
	return float64(spelling.EditDistance(r, h)) / float64(len(r))
}

// WordErrorRate is the Levenshtein distance between the normalised texts, in words, over the
// number of reference words.
func WordErrorRate(ref, hyp string) float64 {
	rw, hw := strings.Fields(NormalizeText(ref)), strings.Fields(NormalizeText(hyp))
	ids := map[string]rune{}
	id := func(ws []string) []rune {
		out := make([]rune, len(ws))
		for i, w := range ws {
			v, ok := ids[w]
			if !ok {
				v = rune(len(ids) + 1)
				ids[w] = v
			}
			out[i] = v
		}
		return out
	}
	r, h := id(rw), id(hw)
	if len(r) == 0 {
		return float64(len(h))
	}
	return float64(spelling.EditDistance(r, h)) / float64(len(r))
}
