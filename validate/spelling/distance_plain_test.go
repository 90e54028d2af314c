package spelling

import "testing"

func TestPlainDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{{"", "abc", 3}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"ngày", "ngay", 1}, {"same", "same", 0}} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q): got %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
	if got := EditDistance([]string{"một", "hai", "ba"}, []string{"một", "ba"}); got != 1 {
		t.Errorf("EditDistance over words: got %d, want 1", got)
	}
}
