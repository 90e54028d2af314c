package complete

import (
	"context"
	"errors"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/validate/spelling"
)

var engine = sync.OnceValues(func() (*Engine, error) { return New(nil) })

func newEngine(tb testing.TB) *Engine {
	tb.Helper()
	e, err := engine()
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return e
}

func values(cs []Candidate) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Value
	}
	return out
}

const thaiNguyenCommune = "05464" // Phường Tân Lập, in today's Thái Nguyên, part of Bắc Thái in 1965–1996

func TestComplete(t *testing.T) {
	e := newEngine(t)
	cases := []struct {
		name  string
		q     Query
		first string // the first candidate
		has   string // some candidate, when not the first
	}{
		{"name without diacritics", Query{Type: TypeName, Prefix: "nguyen van an"}, "Nguyễn Văn An", ""},
		{"name in capitals", Query{Type: TypeName, Prefix: "NGUYEN VAN AN"}, "Nguyễn Văn An", ""},
		{"name decomposed input", Query{Type: TypeName, Prefix: "Nguye\u0302\u0303n Va\u0306n An"}, "Nguyễn Văn An", ""},
		{"surname begun", Query{Type: TypeName, Prefix: "ng"}, "Nguyễn", ""},
		{"middle after surname", Query{Type: TypeName, Prefix: "tran t"}, "", "Trần Thị"},
		{"woman's given name", Query{Type: TypeName, Prefix: "le thi h"}, "", "Lê Thị Hoa"},
		{"family name", Query{Type: TypeFamilyName, Prefix: "ph"}, "Phạm", ""},
		{"date compact", Query{Type: TypeDate, Prefix: "5387", Year: 1990}, "05/03/1987", ""},
		{"date spaced", Query{Type: TypeDate, Prefix: "5 3 87", Year: 1990}, "05/03/1987", ""},
		{"date full", Query{Type: TypeDate, Prefix: "05031987", Year: 1990}, "05/03/1987", ""},
		{"date century from register year", Query{Type: TypeDate, Prefix: "5387", Year: 1985}, "05/03/1887", ""},
		{"date century in a 1985–1990 register", Query{Type: TypeDate, Prefix: "5387", YearFrom: 1985, Year: 1990}, "05/03/1987", ""},
		{"date day and month in register year", Query{Type: TypeDate, Prefix: "17 5", Year: 1992}, "17/05/1992", ""},
		{"date in words", Query{Type: TypeDateInWords, Prefix: "5387", Year: 1990},
			"Ngày mồng năm tháng ba năm một nghìn chín trăm tám mươi bảy", ""},
		{"former province in force", Query{Type: TypePlace, Prefix: "bac th", Year: 1980}, "tỉnh Bắc Thái", ""},
		{"commune under its province of the year", Query{Type: TypePlace, Prefix: "tan lap", Year: 1980, Commune: thaiNguyenCommune},
			"", "tỉnh Bắc Thái"},
		{"commune under today's province later", Query{Type: TypePlace, Prefix: "tan lap", Year: 2000, Commune: thaiNguyenCommune},
			"", "tỉnh Thái Nguyên"},
		{"facility", Query{Type: TypePlace, Prefix: "tram y te phuong tan l", Year: 1980, Commune: thaiNguyenCommune}, "Trạm y tế phường Tân Lập", ""},
		{"ethnic old name", Query{Type: TypeEthnicity, Prefix: "meo"}, "Mông", ""},
		{"ethnic old name typed whole", Query{Type: TypeEthnicity, Prefix: "man"}, "Dao", ""},
		{"ethnic official", Query{Type: TypeEthnicity, Prefix: "k"}, "Kinh", ""},
		{"nationality", Query{Type: TypeNationality, Prefix: "viet"}, "Việt Nam", ""},
		{"cause of death", Query{Type: TypeCause, Prefix: "ung thu g"}, "Ung thư gan", ""},
		{"cause by a later word", Query{Type: TypeCause, Prefix: "gan"}, "", "Xơ gan"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := e.Complete(context.Background(), tc.q)
			if err != nil {
				t.Fatalf("Complete: %v", err)
			}
			if len(got) == 0 || len(got) > 10 {
				t.Fatalf("got %d candidates %q, want 1–10", len(got), values(got))
			}
			if tc.first != "" && got[0].Value != tc.first {
				t.Errorf("first candidate %q, want %q (all: %q)", got[0].Value, tc.first, values(got))
			}
			if tc.has != "" && !slices.ContainsFunc(got, func(c Candidate) bool { return strings.Contains(c.Value, tc.has) }) {
				t.Errorf("candidates %q, want one containing %q", values(got), tc.has)
			}
			for _, c := range got {
				if !norm.NFC.IsNormalString(c.Value) {
					t.Errorf("candidate %q is not NFC", c.Value)
				}
			}
		})
	}
}

func TestCompleteProvinceOfTheYearFirst(t *testing.T) {
	e := newEngine(t)
	for _, tc := range []struct {
		year int
		want string
	}{{1980, "tỉnh Bắc Thái"}, {2005, "tỉnh Thái Nguyên"}} {
		got, err := e.Complete(context.Background(), Query{Type: TypePlace, Prefix: "thai", Year: tc.year, Commune: "05464"})
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(got, func(c Candidate) bool { return c.Value == "tỉnh Bắc Thái" })
		j := slices.IndexFunc(got, func(c Candidate) bool { return c.Value == "tỉnh Thái Nguyên" })
		if tc.want == "tỉnh Bắc Thái" && (i < 0 || (j >= 0 && j < i)) {
			t.Errorf("year %d: %q, want Bắc Thái before Thái Nguyên", tc.year, values(got))
		}
		if tc.want == "tỉnh Thái Nguyên" && (j < 0 || (i >= 0 && i < j)) {
			t.Errorf("year %d: %q, want Thái Nguyên before Bắc Thái", tc.year, values(got))
		}
	}
}

// Only the last few finished parts of a place are written again: a hundred parts once cost
// 0,6 s of CPU, every one re-completed.
func TestCompleteLongPlace(t *testing.T) {
	e := newEngine(t)
	ctx := context.Background()
	short, err := e.Complete(ctx, Query{Type: TypePlace, Prefix: "xom dong, xa tan l", Year: 1990, Commune: thaiNguyenCommune})
	if err != nil || len(short) == 0 {
		t.Fatalf("short place: %q, %v", values(short), err)
	}
	first, _, _ := strings.Cut(short[0].Value, ", ")
	long := strings.Repeat("xom dong, ", 100) + "xa tan l"
	got, err := e.Complete(ctx, Query{Type: TypePlace, Prefix: long, Year: 1990, Commune: thaiNguyenCommune})
	if err != nil || len(got) == 0 {
		t.Fatalf("long place: %q, %v", values(got), err)
	}
	want := strings.Repeat("xom dong, ", 100-rewriteParts) + strings.Repeat(first+", ", rewriteParts)
	for _, c := range got {
		if !strings.HasPrefix(c.Value, want) {
			t.Fatalf("long place: candidate %q…, want the first %d parts as typed and the last %d as %q",
				c.Value[:min(80, len(c.Value))], 100-rewriteParts, rewriteParts, first)
		}
	}
}

// No surname offered is a misspelling that is no Vietnamese syllable ("Ngoâ", "Ngeou").
func TestCompleteSurnamesAreSyllables(t *testing.T) {
	e := newEngine(t)
	for _, p := range []string{"ng", "ngo", "nge", "t", "h", "l", "d", "v", "ph", "b"} {
		got, err := e.Complete(context.Background(), Query{Type: TypeFamilyName, Prefix: p, Limit: 50})
		if err != nil || (len(got) == 0) != (p == "nge") { // only "Ngeou" began so
			t.Fatalf("%q: %q, %v", p, values(got), err)
		}
		for _, c := range got {
			if !spelling.IsSyllable(c.Value) {
				t.Errorf("%q: surname %q is no Vietnamese syllable", p, c.Value)
			}
		}
	}
}

func TestCompleteEmptyAndUnknown(t *testing.T) {
	e := newEngine(t)
	got, err := e.Complete(context.Background(), Query{Type: TypeName, Prefix: "  "})
	if err != nil || len(got) != 0 {
		t.Errorf("empty prefix: got %q, %v; want none", values(got), err)
	}
	for _, typ := range Types { // a lone combining mark once panicked the name completer
		for _, p := range []string{"\u0301", "\u0301 ", " \u0300\u0323", "\u0303\u0309"} {
			got, err := e.Complete(context.Background(), Query{Type: typ, Prefix: p})
			if err != nil || len(got) != 0 {
				t.Errorf("%s %q: got %q, %v; want none", typ, p, values(got), err)
			}
		}
	}
	if got, err := e.Complete(context.Background(), Query{Type: TypeDate, Prefix: "31287", Year: 1990}); err != nil || slices.Contains(values(got), "31/02/1987") {
		t.Errorf("impossible date offered: %q, %v", values(got), err)
	}
	if _, err := e.Complete(context.Background(), Query{Type: "colour", Prefix: "x"}); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("unknown type: err %v, want ErrInvalid", err)
	}
	got, _ = e.Complete(context.Background(), Query{Type: TypeName, Prefix: "n", Limit: 3})
	if len(got) != 3 {
		t.Errorf("limit 3: got %d candidates", len(got))
	}
}

// FuzzComplete checks that no input, however odd, makes a completer panic, err or return more
// than the limit or a value that is not valid NFC UTF-8.
func FuzzComplete(f *testing.F) {
	for _, s := range []string{"\u0301", "nguyen van a", "xa ", "x", "thon x", "5387", "a,,,, ,b", " \u0300", "\xff", "Đ"} {
		for i := range Types {
			f.Add(i, s)
		}
	}
	e := newEngine(f)
	f.Fuzz(func(t *testing.T, typ int, prefix string) {
		q := Query{Type: Types[(typ%len(Types)+len(Types))%len(Types)], Prefix: prefix, Year: 1990, Limit: 5}
		got, err := e.Complete(context.Background(), q)
		if err != nil {
			t.Fatalf("%s %q: %v", q.Type, prefix, err)
		}
		if len(got) > 5 {
			t.Fatalf("%s %q: %d candidates, limit 5", q.Type, prefix, len(got))
		}
		for _, c := range got {
			if !utf8.ValidString(c.Value) || !norm.NFC.IsNormalString(c.Value) {
				t.Fatalf("%s %q: candidate %q not NFC UTF-8", q.Type, prefix, c.Value)
			}
		}
	})
}

func TestTypeOf(t *testing.T) {
	for _, k := range domain.Kinds {
		for _, f := range k.Fields() {
			typ := TypeOf(f)
			if f == "entry_no" || f == "sex" || f == "death_time" { // a number, two values, an hour
				if typ != "" {
					t.Errorf("TypeOf(%q) = %q, want none", f, typ)
				}
				continue
			}
			if !slices.Contains(Types, typ) {
				t.Errorf("TypeOf(%q) = %q, not a completion type", f, typ)
			}
		}
	}
}

// BenchmarkComplete measures single queries with the whole gazetteer loaded, the shortest
// (slowest) prefixes included, and reports the 95th percentile.
func BenchmarkComplete(b *testing.B) {
	e := newEngine(b)
	queries := []Query{
		{Type: TypePlace, Prefix: "t", Year: 1980, Commune: "05464"},
		{Type: TypePlace, Prefix: "x", Year: 1980, Commune: "05464"},
		{Type: TypePlace, Prefix: "xa ", Year: 1980, Commune: "05464"},
		{Type: TypePlace, Prefix: "thon x", Year: 1980, Commune: "05464"},
		{Type: TypePlace, Prefix: "tan l", Year: 1980, Commune: "05464"},
		{Type: TypePlace, Prefix: "xom dong, xa tan l", Year: 1990, Commune: "05464"},
		{Type: TypePlace, Prefix: "tram y te xa h", Year: 1990, Commune: "05464"},
		{Type: TypeName, Prefix: "n", Year: 1990},
		{Type: TypeName, Prefix: "nguyen van a"},
		{Type: TypeName, Prefix: "tran thi "},
		{Type: TypeDate, Prefix: "5387", Year: 1990},
		{Type: TypeEthnicity, Prefix: "m"},
		{Type: TypeCause, Prefix: "t"},
	}
	ctx := context.Background()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if _, err := e.Complete(ctx, queries[i%len(queries)]); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
}
