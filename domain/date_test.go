package domain

import "testing"

func TestDisplayDate(t *testing.T) {
	for in, want := range map[string]string{"1987-03-05": "05/03/1987", "05/03/1987": "05/03/1987",
		"1987-02-30": "1987-02-30", "xóm Đông": "xóm Đông", "": ""} {
		if got := DisplayDate(in); got != want {
			t.Errorf("DisplayDate(%q) = %q, want %q", in, got, want)
		}
	}
}
