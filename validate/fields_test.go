package validate

import (
	"slices"
	"testing"
)

// valueCase is a table row for the simple field types.
type valueCase struct {
	in, want string
	codes    []string
	exact    bool // penalty must stay 1
}

func runValueCases(t *testing.T, ft Type, cases []valueCase) {
	t.Helper()
	v := testValidator(t)
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			r := v.Check(ft, tc.in)
			if r.Value != tc.want {
				t.Errorf("got %q, want %q", r.Value, tc.want)
			}
			if got := codes(r.Issues); !slices.Equal(got, tc.codes) {
				t.Errorf("issues: got %q, want %q", got, tc.codes)
			}
			if tc.exact && r.Penalty != 1 {
				t.Errorf("penalty: got %v, want 1", r.Penalty)
			}
			if !tc.exact && r.Penalty >= 1 {
				t.Errorf("penalty: got %v, want < 1", r.Penalty)
			}
		})
	}
}

func TestCheckSex(t *testing.T) {
	runValueCases(t, TypeSex, []valueCase{
		{"Nam", "Nam", nil, true},
		{"Nữ", "Nữ", nil, true},
		{"NAM", "Nam", nil, true},
		{"nữ", "Nữ", nil, true},
		{"Trai", "Nam", nil, true},
		{"Gái", "Nữ", nil, true},
		{"Nử", "Nữ", nil, false},
		{"Nu", "Nữ", nil, false},
		{"Nừ", "Nữ", nil, false},
		{"Narn", "Nam", nil, false},
		{"Nărn", "Nam", nil, false},
		{"N0m", "", []string{CodeSex}, false},
		{"Nan", "", []string{CodeSex}, false},
		{"x", "", []string{CodeSex}, false},
	})
}

func TestCheckNationality(t *testing.T) {
	runValueCases(t, TypeNationality, []valueCase{
		{"Việt Nam", "Việt Nam", nil, true},
		{"Viet Nam", "Việt Nam", nil, false},
		{"VN", "Việt Nam", nil, false},
		{"Việt-Nam", "Việt Nam", nil, false},
		{"VIỆT NAM", "Việt Nam", nil, false},
		{"Vietnarn", "Việt Nam", nil, false},
		{"Viêt Narn", "Việt Nam", nil, false},
		{"Lào", "Lào", []string{CodeForeign}, false},
		{"Trung Quốc", "Trung Quốc", []string{CodeForeign}, false},
	})
}

func TestCheckEntryNo(t *testing.T) {
	runValueCases(t, TypeEntryNo, []valueCase{
		{"125", "125", nil, true},
		{"Số 12", "12", nil, true},
		{"Số: 125/1990", "125/1990", nil, true},
		{"So: 07", "07", nil, true},
		{"12/KS", "12/KS", nil, true},
		{"l25", "125", nil, false},
		{"12O", "120", nil, false},
		{"Số: 125/199O", "125/1990", nil, false},
		{"I2 / 1987", "12/1987", nil, false},
		{"Số:", "", []string{CodeEmpty}, true},
		{"abc", "", []string{CodeEntryUnreadable}, false},
	})
}

func TestCheckEthnicity(t *testing.T) {
	runValueCases(t, TypeEthnicity, []valueCase{
		{"Kinh", "Kinh", nil, true},
		{"KINH", "Kinh", nil, true},
		{"kinh", "Kinh", nil, true},
		{"Kinh (Việt)", "Kinh", nil, true},
		{"Dân tộc Tày", "Tày", nil, true},
		{"Tay", "Tày", nil, true},
		{"Việt", "Kinh", []string{CodeEthnicOtherName}, true},
		{"Mèo", "Mông", []string{CodeEthnicOtherName}, true},
		{"Meo", "Mông", []string{CodeEthnicOtherName}, true},
		{"Mông", "Mông", nil, true},
		{"H'Mông", "Mông", []string{CodeEthnicOtherName}, true},
		{"Mán", "Dao", []string{CodeEthnicAmbiguous}, false},
		{"Thổ", "Thổ", []string{CodeEthnicAmbiguous}, true},
		{"Mường", "Mường", nil, true},
		{"Khơ-me", "Khơ Me", nil, true},
		{"Khmer", "Khơ Me", []string{CodeEthnicOtherName}, true},
		{"Ê-đê", "Ê Đê", nil, true},
		{"Bru-Vân Kiều", "Bru - Vân Kiều", nil, true},
		{"Chàm", "Chăm", nil, true}, // folds to the official name
		{"Klnh", "Kinh", nil, false},
		{"Nùmg", "Nùng", nil, false},
		{"Xyzt", "", []string{CodeEthnicUnknown}, false},
	})
}

func TestEthnicTable(t *testing.T) {
	v := testValidator(t)
	if n := len(v.ethnic.groups); n != 54 {
		t.Fatalf("got %d groups, want 54", n)
	}
	seen := map[string]bool{}
	for _, g := range v.ethnic.groups {
		if seen[g.official] {
			t.Errorf("%q appears twice", g.official)
		}
		seen[g.official] = true
	}
}

func TestCheckName(t *testing.T) {
	v := testValidator(t)
	for _, tc := range []struct {
		in, want, written string
		bad               int    // invalid words
		suggest           string // first suggestion
	}{
		{"MA QUANG QUÂN", "Ma Quang Quân", "MA QUANG QUÂN", 0, ""},
		{"  nguyễn   thị  thuý ", "Nguyễn Thị Thuý", "nguyễn thị thuý", 0, ""},
		{"Nguyễn Thị Thúy.", "Nguyễn Thị Thúy", "Nguyễn Thị Thúy", 0, ""},
		{"Nguyẽn Thj Hường", "Nguyẽn Thj Hường", "Nguyẽn Thj Hường", 2, "Nguyễn Thị Hường"},
		{"Trần Văn rnạnh", "Trần Văn Rnạnh", "Trần Văn rnạnh", 1, "Trần Văn Mạnh"},
		{"Lê Hùynh", "Lê Hùynh", "Lê Hùynh", 1, "Lê Huỳnh"},
		{"ĐẶNG VĂN ĐƯƠC", "Đặng Văn Đươc", "ĐẶNG VĂN ĐƯƠC", 1, "Đặng Văn Được"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			r := v.Check(TypeName, tc.in)
			if r.Value != tc.want {
				t.Errorf("value: got %q, want %q", r.Value, tc.want)
			}
			if r.Written != tc.written {
				t.Errorf("written: got %q, want %q", r.Written, tc.written)
			}
			if n := len(r.Issues); n != tc.bad {
				t.Errorf("issues: got %d %q, want %d", n, codes(r.Issues), tc.bad)
			}
			wantPen := 1.0
			for range tc.bad {
				wantPen *= penaltyNameSyllable
			}
			if r.Penalty != wantPen {
				t.Errorf("penalty: got %v, want %v", r.Penalty, wantPen)
			}
			if tc.suggest != "" && (len(r.Suggestions) == 0 || r.Suggestions[0] != tc.suggest) {
				t.Errorf("suggestions: got %q, want %q first", r.Suggestions, tc.suggest)
			}
			if len(r.Suggestions) > 3 {
				t.Errorf("suggestions: got %d, want at most 3", len(r.Suggestions))
			}
		})
	}
	r := v.Check(TypeName, "Nguyẽn Văn Nam")
	want := issueSyllable("Nguyẽn")
	if r.Issues[0].VI != want.VI || r.Issues[0].EN != want.EN || r.Issues[0].VI != `"Nguyẽn" không phải âm tiết tiếng Việt hợp lệ` {
		t.Errorf("message: got %q / %q", r.Issues[0].VI, r.Issues[0].EN)
	}
}

func TestCheckText(t *testing.T) {
	v := testValidator(t)
	for _, tc := range []struct {
		in, want string
		bad      int
		suggest  string
	}{
		{"Tai nạn  giao thông", "Tai nạn giao thông", 0, ""},
		{"TAI NẠN GIAO THÔNG", "TAI NẠN GIAO THÔNG", 0, ""},
		{"Nhiễm HIV, sốt 40 độ", "Nhiễm HIV, sốt 40 độ", 0, ""},
		{"Tai nạn gjao thông", "Tai nạn gjao thông", 1, "Tai nạn giao thông"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			r := v.Check(TypeText, tc.in)
			if r.Value != tc.want {
				t.Errorf("got %q, want %q", r.Value, tc.want)
			}
			if len(r.Issues) != tc.bad {
				t.Errorf("issues: got %q, want %d", codes(r.Issues), tc.bad)
			}
			if tc.bad > 0 && (r.Penalty != penaltyTextSyllable || len(r.Suggestions) == 0 || r.Suggestions[0] != tc.suggest) {
				t.Errorf("got penalty %v and %q, want %v and %q", r.Penalty, r.Suggestions, penaltyTextSyllable, tc.suggest)
			}
		})
	}
}

func TestClean(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"  Nguyễn\t Văn \n A ", "Nguyễn Văn A"},
		{"Nguye\u0302\u0303n", "Nguyễn"}, // decomposed input becomes NFC
		{"..Hà Nội;", "Hà Nội"},
		{"|Kinh (Việt)", "Kinh (Việt)"},
		{"(Kinh", "Kinh"},
		{"ðinh", "đinh"},
		{"— 125/1990 -", "125/1990"},
	} {
		if got := clean(tc.in); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}
