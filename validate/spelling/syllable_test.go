package spelling

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestValidSyllables(t *testing.T) {
	x := testIndex()
	for _, w := range []string{
		// The brief's list, including both tone placements of oa/uy.
		"Nguyễn", "Trần", "Thị", "Văn", "Quân", "Khuyến", "Hường", "Ngoãn", "Nghĩa", "Giang", "Quỳnh",
		"Thuý", "Thúy", "Huyền", "Yến", "Uyên", "Khoa", "Hoà", "Hòa", "Nguyệt", "Tuyết", "Oanh", "Ngọc",
		// Spelling corners: gi + i, qu + ô, glides, triphthongs, y for i, stop codas with sắc/nặng.
		"gì", "giếng", "Quốc", "khuỷu", "thuở", "khuya", "yêu", "rượu", "uống", "ướt", "ngoạm", "oái",
		"oăm", "khuấy", "Lý", "Mỹ", "Kỳ", "Vy", "Phúc", "Lộc", "Đức", "Mạnh", "Thịnh", "Bích", "Huỳnh",
		"huých", "Qui", "Quế", "Huệ", "Khuê", "Toàn", "Loan", "Nhung", "Khánh", "Hạnh", "Dũng",
		// Possible by the rules though odd or unused: the set is built by rule, not from a corpus.
		"Nguyển", "Tràn", "Văm",
		// Capitals, as OCR reads a name in a printed register.
		"NGUYỄN", "ĐẶNG",
	} {
		if !x.Valid(w) {
			t.Errorf("%q: got invalid, want valid", w)
		}
	}
}

func TestInvalidSyllables(t *testing.T) {
	x := testIndex()
	for _, tc := range []struct{ w, why string }{
		{"Thj", "j is not a Vietnamese letter (OCR of ị)"},
		{"Nguyéen", "ee is no nucleus"},
		{"Nguyẽn", "uye needs the circumflex: uyê"},
		{"Ngũyen", "tone on the medial, and uye"},
		{"Nguyễm", "uyê closes only with n or t (uyên, uyết)"},
		{"Phùc", "huyền on the stop coda c"},
		{"Mãt", "ngã on the stop coda t"},
		{"Đươc", "a stop coda needs sắc or nặng: OCR lost the dot of Được"},
		{"kan", "k is written only before e ê i y"},
		{"cem", "c is not written before e"},
		{"ghà", "gh is written only before e ê i"},
		{"gế", "g before ê must be gh"},
		{"ngiã", "ng before i must be ngh"},
		{"qan", "q is always qu"},
		{"hòai", "in oai the tone goes on a: hoài"},
		{"hùynh", "in a closed uy the tone goes on y: huỳnh"},
		{"thuợng", "the horn is missing on u: thượng"},
		{"Hưòng", "ưo is no nucleus: Hường"},
		{"rnạnh", "rn for m"},
		{"ngoâ", "VNI mojibake of ngô"},
		{"Ng0c", "zero for o"},
		{"Lê1", "digit"},
		{"Văn.", "punctuation is not part of a syllable"},
	} {
		if x.Valid(tc.w) {
			t.Errorf("%q: got valid, want invalid (%s)", tc.w, tc.why)
		}
	}
}

// Every syllable of 2,500 real names must be in the set.
func TestNameSyllablesValid(t *testing.T) {
	x := testIndex()
	n := 0
	for _, l := range strings.Split(nameSyllables, "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		n++
		w, _, _ := strings.Cut(l, "\t")
		if !x.Valid(w) {
			t.Errorf("%q: got invalid, want valid", w)
		}
	}
	if n < 500 {
		t.Fatalf("got %d name syllables, want over 500", n)
	}
}

func TestSyllableSet(t *testing.T) {
	x := testIndex()
	if n := len(x.set); n < 12000 || n > 25000 {
		t.Errorf("got %d syllables, want 12,000–25,000", n)
	}
	for s := range x.set {
		if !norm.NFC.IsNormalString(s) || strings.ToLower(s) != s {
			t.Fatalf("%q is not lowercase NFC", s)
		}
	}
}

func TestStopCodaTones(t *testing.T) {
	x := testIndex()
	for _, base := range []string{"ac", "ach", "ap", "at", "uôc", "iêt"} {
		for _, tn := range []tone{toneNone, toneGrave, toneHook, toneTilde} {
			s := "b" + base
			if base == "iêt" || base == "uôc" {
				s = "t" + base
			}
			pos := tonePositions(s, 1, false)
			w := withTone(s, pos[0], tn)
			if x.Valid(w) {
				t.Errorf("%q: got valid, want invalid (stop coda)", w)
			}
		}
	}
}

func TestSuggest(t *testing.T) {
	x := testIndex()
	for _, tc := range []struct {
		in, want string // want is among the suggestions
		first    bool   // and must be the first
	}{
		{"Thj", "Thị", true},
		{"Nguyẽn", "Nguyễn", true},
		{"Nguyéen", "Nguyễn", false},
		{"rnạnh", "mạnh", true},
		{"Hưòng", "Hường", false},
		{"Hùynh", "Huỳnh", true},
		{"Ng0c", "Ngọc", false},
		{"Đươc", "Được", false},
		{"clũng", "dũng", false},
		{"Văm", "", false}, // valid: nothing to suggest is fine, but no panic
	} {
		got := x.Suggest(tc.in, 3, true)
		if len(got) > 3 {
			t.Errorf("%q: got %d suggestions, want at most 3", tc.in, len(got))
		}
		if tc.want == "" {
			continue
		}
		if tc.first && (len(got) == 0 || got[0] != tc.want) {
			t.Errorf("%q: got %q, want %q first", tc.in, got, tc.want)
		} else if !slices.Contains(got, tc.want) {
			t.Errorf("%q: got %q, want %q among them", tc.in, got, tc.want)
		}
	}
}

func TestDistance(t *testing.T) {
	ls := func(s string) []letter {
		var o []letter
		for _, r := range s {
			o = append(o, decompose(r))
		}
		return o
	}
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"nguyễn", "nguyễn", 0},
		{"nguyên", "nguyễn", costMark},
		{"nguyen", "nguyễn", 2 * costMark},
		{"dung", "đung", costMark},
		{"rnai", "mai", costConfuse},
		{"clao", "dao", costConfuse},
		{"l0i", "loi", costConfuse},
		{"xyz", "abc", 3 * costEdit},
	} {
		if got := distance(ls(tc.a), ls(tc.b)); got < tc.want-1e-9 || got > tc.want+1e-9 {
			t.Errorf("%q→%q: got %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func BenchmarkNewSyllableIndex(b *testing.B) {
	for b.Loop() {
		NewIndex()
	}
}
