package validate

import (
	"slices"
	"testing"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/validate/spelling"
)

// Suggestions never repeat the value and offer no nonsense variants of a name word (issue 12,
// point 3).
func TestSuggestionsWorthOffering(t *testing.T) {
	v, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, field, in string
		want            []string
	}{
		{"a misread tone gets the name, not its nameless variants", "full_name", "Nguyẽn Thị Thiên", []string{"Nguyễn Thị Thiên"}},
		{"two name readings stay", "full_name", "Trằn Văn Bình", []string{"Trần Văn Bình"}},
		{"an ethnic group read right is not suggested again", "ethnicity", "Kinhh", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := v.CheckField(domain.KindBirth, tc.field, tc.in)
			if !slices.Equal(r.Suggestions, tc.want) {
				t.Errorf("%s %q: got suggestions %q, want %q", tc.field, tc.in, r.Suggestions, tc.want)
			}
			for _, s := range r.Suggestions {
				if s == r.Value || s == r.Written {
					t.Errorf("%s %q: suggestion %q equals the value", tc.field, tc.in, s)
				}
			}
		})
	}
	if got := spelling.WorthOffering([]string{"Nam", "nam", "Nữ", "Nữ", ""}, "Nam", "nam"); !slices.Equal(got, []string{"Nữ"}) {
		t.Errorf("worthOffering: got %q, want [Nữ]", got)
	}
}
