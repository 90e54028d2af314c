package validate

import (
	"strings"
	"testing"

	"github.com/sohoa/sohoa/domain"
	"golang.org/x/text/unicode/norm"
)

func TestTypeOf(t *testing.T) {
	for _, tc := range []struct {
		kind  domain.Kind
		field string
		want  Type
	}{
		{domain.KindBirth, "full_name", TypeName},
		{domain.KindBirth, "father_name", TypeName},
		{domain.KindMarriage, "husband_name", TypeName},
		{domain.KindBirth, "birth_date", TypeDate},
		{domain.KindBirth, "registration_date", TypeDate},
		{domain.KindDeath, "death_date", TypeDate},
		{domain.KindMarriage, "husband_birth_date", TypeDate},
		{domain.KindBirth, "birth_date_in_words", TypeDateInWords},
		{domain.KindBirth, "birth_place", TypePlace},
		{domain.KindDeath, "residence", TypePlace},
		{domain.KindDeath, "death_place", TypePlace},
		{domain.KindMarriage, "wife_residence", TypePlace},
		{domain.KindDeath, "death_cause", TypeText},
		{domain.KindBirth, "sex", TypeSex},
		{domain.KindMarriage, "wife_ethnicity", TypeEthnicity},
		{domain.KindBirth, "nationality", TypeNationality},
		{domain.KindBirth, "entry_no", TypeEntryNo},
		{domain.KindMarriage, "sex", TypeText},        // not a marriage field
		{domain.KindBirth, "no_such_field", TypeText}, // unknown fields are free text
	} {
		if got := TypeOf(tc.kind, tc.field); got != tc.want {
			t.Errorf("%s.%s: got %q, want %q", tc.kind, tc.field, got, tc.want)
		}
	}
}

// Every field of every kind has a type of its own, so a new field in domain fails here until it
// is given one.
func TestEveryFieldTyped(t *testing.T) {
	for _, k := range domain.Kinds {
		for _, f := range k.Fields() {
			if _, ok := fieldType(f); !ok {
				t.Errorf("%s.%s: no type", k, f)
			}
		}
	}
}

// Messages are NFC, carry Vietnamese diacritics and an English twin, for every kind of issue.
func TestMessages(t *testing.T) {
	v := testValidator(t)
	inputs := map[Type][]string{
		TypeName: {"Nguyẽn Thj"}, TypeSex: {"x"}, TypeDate: {"", "31/02/1990", "5-3-87", "1890", "??"},
		TypeEthnicity: {"Mán", "Mèo", "Thổ", "zzzz"}, TypeNationality: {"Lào"}, TypeEntryNo: {"abc"},
		TypePlace: {"Bắc Thái", "Tân Lập", "Bệnh viện C", "xã Không Có, huyện Đồng Hỷ", "xã Hoá Thượmg, huyện Đồng Hỷ"},
	}
	seen := map[string]bool{}
	for ft, ins := range inputs {
		for _, in := range ins {
			for _, is := range v.Check(ft, in).Issues {
				seen[is.Code] = true
				if !norm.NFC.IsNormalString(is.VI) || !norm.NFC.IsNormalString(is.EN) {
					t.Errorf("%s: message not NFC: %q", is.Code, is.VI)
				}
				if is.VI == "" || is.EN == "" || is.VI == is.EN || is.Code == "" {
					t.Errorf("%s: got %q / %q, want both languages", is.Code, is.VI, is.EN)
				}
				if strings.ToLower(is.EN) == is.EN && !strings.ContainsAny(is.EN, "\"0123456789") {
					t.Errorf("%s: English message %q should start with a capital", is.Code, is.EN)
				}
			}
		}
	}
	if len(seen) < 15 {
		t.Errorf("got %d issue codes exercised, want at least 15", len(seen))
	}
}

func TestDeterministic(t *testing.T) {
	v := testValidator(t)
	w, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{"Nguyéen Thj Hường", "Tân Lập", "Mán"} {
		for _, ft := range []Type{TypeName, TypePlace, TypeEthnicity} {
			a, b := v.Check(ft, in), w.Check(ft, in)
			if strings.Join(a.Suggestions, "|") != strings.Join(b.Suggestions, "|") || a.Value != b.Value {
				t.Errorf("%s %q: got %q then %q", ft, in, a.Suggestions, b.Suggestions)
			}
		}
	}
}

// BenchmarkNew is where New's speed is measured (target about 200 ms without -race); it was a
// timed test, which failed on a busy machine.
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckNameValid(b *testing.B) {
	v := testValidator(b)
	for b.Loop() {
		v.Check(TypeName, "Nguyễn Thị Thuý Hường")
	}
}

func BenchmarkCheckNameDamaged(b *testing.B) {
	v := testValidator(b)
	for b.Loop() {
		v.Check(TypeName, "Nguyẽn Thj Hưòng")
	}
}

func BenchmarkCheckPlace(b *testing.B) {
	v := testValidator(b)
	for b.Loop() {
		v.Check(TypePlace, "xã Gia Sàng, thành phố Thái Nguyên, tỉnh Bắc Thái")
	}
}

func BenchmarkCheckPlaceUnknown(b *testing.B) {
	v := testValidator(b)
	for b.Loop() {
		v.Check(TypePlace, "thôn Đồng Bẩm, xóm Mới, Bệnh viện C")
	}
}

func BenchmarkCheckDateInWords(b *testing.B) {
	v := testValidator(b)
	for b.Loop() {
		v.Check(TypeDateInWords, "Ngày mồng tám tháng sáu năm một nghìn chín trăm chín mươi sáu")
	}
}
