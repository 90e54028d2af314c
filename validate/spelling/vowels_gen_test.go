package spelling

import (
	"testing"
	"unicode"
)

// TestVowelIndexIsGeneratedFromTheTable fails when vowelTable changed without `go generate
// ./validate/spelling/` (vowels_gen.go would answer with the old positions).
func TestVowelIndexIsGeneratedFromTheTable(t *testing.T) {
	i := 0
	for _, r := range vowelTable {
		if got, gotUpper := vowelIndex(r), vowelIndex(unicode.ToUpper(r)); got != i || gotUpper != i {
			t.Errorf("vowelIndex(%q) = %d, of %q = %d, want %d: run go generate ./validate/spelling/", r, got, unicode.ToUpper(r), gotUpper, i)
		}
		i++
	}
	for _, r := range "bđqxzBĐ1 " {
		if vowelIndex(r) != -1 {
			t.Errorf("vowelIndex(%q) = %d, want -1", r, vowelIndex(r))
		}
	}
}
