package sheet

import "testing"

func TestCellNeutralisesFormulas(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=HYPERLINK(\"http://evil.example\",\"x\")", "'=HYPERLINK(\"http://evil.example\",\"x\")"},
		{"+84 912", "'+84 912"},
		{"-1+1", "'-1+1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"Nguyễn Văn A", "Nguyễn Văn A"},
		{"1990-05-02", "1990-05-02"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := Cell(tc.in); got != tc.want {
			t.Errorf("Cell(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}
