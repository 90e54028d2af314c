package spelling

import (
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"
)

var syllableSet = sync.OnceValue(buildSyllables)

// IsSyllable reports whether w, one word in any case, is a valid Vietnamese syllable with its
// tone ("Ngô" yes; "Ngoâ", "Ngeou" no).
func IsSyllable(w string) bool {
	_, ok := syllableSet()[strings.ToLower(norm.NFC.String(w))]
	return ok
}
