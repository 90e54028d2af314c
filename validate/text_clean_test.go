package validate

import (
	"slices"
	"testing"

	"github.com/sohoa/sohoa/validate/place"
)

func TestCleanDropsStrayMarksInside(t *testing.T) {
	tests := []struct{ in, want string }{
		{"bản 3, xã Xuân An, ˆ huyện Yên Lập", "bản 3, xã Xuân An, huyện Yên Lập"},
		{"bản Nga Hoàng, xã , Đồng Thịnh", "bản Nga Hoàng, xã Đồng Thịnh"},
		{"Gia Sàng - Thái Nguyên", "Gia Sàng - Thái Nguyên"},
		{"05 / 03 / 1987", "05 / 03 / 1987"},
		{"Nguyễn ~ Văn · An", "Nguyễn Văn An"},
	}
	for _, tc := range tests {
		if got := clean(tc.in); got != tc.want {
			t.Errorf("clean(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestUnusualNameWord(t *testing.T) {
	v := testValidator(t)
	for _, tc := range []struct{ in, suggest string }{
		{"NGUYỄN THỊ DUYỀN", "Nguyễn Thị Duyên"},
		{"Nguyễn Thị Hãi", "Nguyễn Thị Hải"},
		{"Nguyễn Nhật Lình", "Nguyễn Nhật Linh"},
		{"Trinh Thị Hương", "Trịnh Thị Hương"}, // a given name, not a family name
		{"Nguyễn Thi Cầm", "Nguyễn Thị Cầm"},
	} {
		r := v.Check(TypeName, tc.in)
		if len(r.Issues) != 1 || r.Issues[0].Code != CodeUnusualName {
			t.Errorf("%q: got issues %q, want one %s", tc.in, codes(r.Issues), CodeUnusualName)
		}
		if r.Penalty != penaltyUnusualName {
			t.Errorf("%q: got penalty %v, want %v", tc.in, r.Penalty, penaltyUnusualName)
		}
		if len(r.Suggestions) == 0 || r.Suggestions[0] != tc.suggest {
			t.Errorf("%q: got suggestions %q, want %q first", tc.in, r.Suggestions, tc.suggest)
		}
	}
	// Usual names raise nothing, whatever their marks.
	for _, in := range []string{"Nguyễn Thị Duyên", "Cao Thị Tiên", "Nguyễn Văn Nguyên", "Lê Thị Hải", "Đặng Sao. Băng", "Lê Thị Trinh", "Lê Thị Thi"} {
		if r := v.Check(TypeName, in); len(r.Issues) != 0 {
			t.Errorf("%q: got issues %q, want none", in, codes(r.Issues))
		}
	}
	for in, want := range map[string]string{"Đặng Sao. Băng": "Đặng Sao Băng", "BÙI AN - ' NINH": "Bùi An Ninh", "Ka-Ly": "Ka-Ly"} {
		if r := v.Check(TypeName, in); r.Value != want {
			t.Errorf("%q: got %q, want %q", in, r.Value, want)
		}
	}
}

func TestUsualPhrases(t *testing.T) {
	v := testValidator(t)
	for _, tc := range []struct{ in, want string }{
		{"Ủng thư gan", "Ung thư gan"},
		{"Úng thư", "Ung thư"},
		{"Tai nạn 1ao động", "Tai nạn lao động"},
		{"Ta1 nạn giao thông", "Tai nạn giao thông"},
		{"Tai nạn lão động", "Tai nạn lao động"},
		{"Om đau lâu ngày", "Ốm đau lâu ngày"},
		{"TAI NẠN GIAO THÔNG", "TAI NẠN GIAO THÔNG"},
		{"Ung thư gan giai đoạn cuối", "Ung thư gan giai đoạn cuối"}, // longer text kept
		{"Sốc xuất huyết", "Sốc xuất huyết"},                         // another word, not marks
	} {
		r := v.Check(TypeText, tc.in)
		if r.Value != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, r.Value, tc.want)
		}
		corrected := slices.Contains(codes(r.Issues), CodeTextCorrected)
		if changed := tc.in != tc.want; corrected != changed {
			t.Errorf("%q: issues %q: want %s flagged only when corrected", tc.in, codes(r.Issues), CodeTextCorrected)
		}
	}
	if r := v.Check(TypeText, "Ung thư gan"); len(r.Issues) != 0 || r.Penalty != 1 {
		t.Errorf("a usual phrase as written: got %q, penalty %v", codes(r.Issues), r.Penalty)
	}
}

func TestPhraseKeepsOtherIssuesAndPunctuation(t *testing.T) {
	v := testValidator(t)
	r := v.Check(TypeText, "Úng thư gan giaj đoạn cuối")
	if r.Value != "Ung thư gan giaj đoạn cuối" {
		t.Errorf("got %q", r.Value)
	}
	if got := codes(r.Issues); !slices.Contains(got, CodeTextCorrected) || !slices.Contains(got, CodeSyllable) {
		t.Errorf("got issues %q, want the correction and the bad syllable after it", got)
	}
	if r := v.Check(TypeText, "Tại nhà, xóm 2"); r.Value != "Tại nhà, xóm 2" || len(r.Issues) != 0 {
		t.Errorf("a usual phrase with a comma: got %q %q, want it kept with no issue", r.Value, codes(r.Issues))
	}
	r = v.CheckField("khai-tu", "death_place", "Tai nhà")
	if r.Value != "Tại nhà" || !slices.Contains(codes(r.Issues), CodeTextCorrected) {
		t.Errorf("place of death: got %q %q, want Tại nhà, corrected", r.Value, codes(r.Issues))
	}
}

func TestFixTypeWordsInCheck(t *testing.T) {
	if r := testValidator(t).Check(TypePlace, "Phó Bảng, huyện Đồng Văn"); r.Value != "Phó Bảng, huyện Đồng Văn" {
		t.Errorf("got %q, want the town Phó Bảng kept", r.Value)
	}
	r := testValidator(t).Check(TypePlace, "tố 6, phường Phước Thới")
	if r.Value != "tổ 6, phường Phước Thới" || !slices.Contains(codes(r.Issues), place.CodeSpelling) {
		t.Errorf("got %q %q, want the type word corrected and flagged", r.Value, codes(r.Issues))
	}
}
