package validate

import (
	"slices"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/ethnic"
)

// TestEthnicWrittenNamesRecognised checks that every way synth writes a group on a page reads back
// as that group, or, when the written name is a smaller group's official name ("Thổ" for the Tày),
// as that group with a note naming the larger one.
func TestEthnicWrittenNamesRecognised(t *testing.T) {
	v := testValidator(t)
	groups, err := ethnic.Groups()
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range groups {
		for _, w := range append([]string{g.Name}, g.Written...) {
			r := v.Check(TypeEthnicity, w)
			if r.Value == g.Name {
				continue
			}
			namesake := r.Value == w && slices.ContainsFunc(r.Issues, func(is domain.Issue) bool {
				return is.Code == CodeEthnicAmbiguous && strings.Contains(is.EN, g.Name)
			})
			if !namesake {
				t.Errorf("%q: got %q (issues %v), want %q", w, r.Value, r.Issues, g.Name)
			}
		}
	}
}
