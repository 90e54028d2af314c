package domain

import "testing"

func TestParsePartialDate(t *testing.T) {
	tests := []struct {
		in   string
		want PartialDate
		bad  bool
	}{
		{"12/03/1987", PartialDate{12, 3, 1987}, false},
		{"03/1987", PartialDate{0, 3, 1987}, false},
		{"1987", PartialDate{0, 0, 1987}, false},
		{"1987-03-12", PartialDate{12, 3, 1987}, false},
		{"../03/1987", PartialDate{0, 3, 1987}, false},
		{"12.03.1987", PartialDate{12, 3, 1987}, false},
		{"", PartialDate{}, false},
		{"32/13/1987", PartialDate{}, true},
		{"mười hai", PartialDate{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParsePartialDate(tc.in)
			if (err != nil) != tc.bad || got != tc.want {
				t.Errorf("got %+v, %v; want %+v, error %v", got, err, tc.want, tc.bad)
			}
			if !tc.bad && tc.in != "" && tc.in[2] == '/' && tc.in[0] != '.' && got.String() != tc.in {
				t.Errorf("String() = %q, want %q", got.String(), tc.in)
			}
		})
	}
}
