package crosscheck

import (
	"image"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sohoa/sohoa/domain"
)

func hasIssue(f Field, code string) bool {
	return slices.ContainsFunc(f.Issues, func(is domain.Issue) bool { return is.Code == code })
}

// numbered is a page of records with the given entry numbers ("" for unreadable).
func numbered(nos ...string) *Page {
	p := &Page{Kind: domain.KindBirth}
	for i, n := range nos {
		rec := Record{Index: i, Fields: map[string]Field{}}
		if n != "" {
			rec.Fields["entry_no"] = Field{Name: "entry_no", Type: "entry_no", Value: n, Confidence: 0.99}
		}
		p.Records = append(p.Records, rec)
	}
	return p
}

func TestEntryRunSuggestsMissingNumbers(t *testing.T) {
	p := numbered("", "216", "217")
	checkRun(p, 0)
	if f := p.Records[0].Fields["entry_no"]; !f.NeedsReview || len(f.Suggestions) == 0 || f.Suggestions[0] != "215" {
		t.Errorf("unreadable number before 216, 217: got %+v, want 215 suggested", f)
	}
	for _, i := range []int{1, 2} {
		if f := p.Records[i].Fields["entry_no"]; f.NeedsReview {
			t.Errorf("entry %d in the run flagged: %+v", i, f)
		}
	}
}

func TestEntryRunFlagsBothEnds(t *testing.T) {
	// 203 → 68 on the first entry and 64 → 63 on the last: neighbours alone judge neither.
	p := numbered("68", "204", "205", "206", "63")
	Sequence(p)
	checkRun(p, 0)
	for i, want := range map[int]string{0: "203", 4: "207"} {
		f := p.Records[i].Fields["entry_no"]
		if !hasIssue(f, CodeEntrySequence) || f.Suggestions[0] != want {
			t.Errorf("entry %d: got %+v, want flagged with %s suggested", i, f, want)
		}
	}
	if f := p.Records[2].Fields["entry_no"]; f.NeedsReview {
		t.Errorf("205 in the run flagged: %+v", f)
	}
}

func TestEntryRunFromThePageBefore(t *testing.T) {
	p := numbered("", "")
	checkRun(p, 214)
	for i, want := range []string{"215", "216"} {
		if f := p.Records[i].Fields["entry_no"]; len(f.Suggestions) == 0 || f.Suggestions[0] != want {
			t.Errorf("entry %d after page ending at 214: got %+v, want %s", i, f, want)
		}
	}
	// Two numbers that agree with each other but not with the book's order are both flagged.
	p = numbered("64", "65")
	checkRun(p, 40)
	if f := p.Records[0].Fields["entry_no"]; !hasIssue(f, CodeEntrySequence) || len(f.Suggestions) > 0 {
		t.Errorf("64 after a page ending at 40: got %+v", f)
	}
	// No run when the numbers disagree and nothing else is known.
	p = numbered("12", "40", "77")
	checkRun(p, 0)
	for i := range p.Records {
		if p.Records[i].Fields["entry_no"].NeedsReview {
			t.Errorf("entry %d flagged without a run", i)
		}
	}
}

func dated(kind domain.Kind, conf float64, vals map[string]string) Record {
	rec := Record{Fields: map[string]Field{}}
	for k, v := range vals {
		rec.Fields[k] = Field{Name: k, Type: "date", Value: v, Confidence: conf}
	}
	return rec
}

func TestBookYears(t *testing.T) {
	rec := dated(domain.KindBirth, 0.99, map[string]string{"registration_date": "1937-03-05"})
	checkBookYears(&rec, BookYears{From: 1985, To: 1987})
	if f := rec.Fields["registration_date"]; !hasIssue(f, CodeOutsideBook) || !f.NeedsReview {
		t.Errorf("1937 in a 1985–1987 book: got %+v", f)
	}
	rec = dated(domain.KindBirth, 0.99, map[string]string{"registration_date": "1986-03-05"})
	checkBookYears(&rec, BookYears{From: 1985, To: 1987})
	checkBookYears(&rec, BookYears{})
	if f := rec.Fields["registration_date"]; f.NeedsReview {
		t.Errorf("1986 in a 1985–1987 book flagged: %+v", f)
	}
}

func TestDateAlternatives(t *testing.T) {
	var got []string
	for _, d := range dateAlternatives("1987-02-04") {
		got = append(got, d.Format("2006-01-02"))
	}
	want := []string{"1937-02-04", "1981-02-04", "1987-02-09"} // 8→3, 7→1, 4→9; 0→6 gives no month or day
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestDigitsWithACompetingReading(t *testing.T) {
	// A birth read as 04/02/1987 at 0.87, registered 26/02/1987: 09/02 is as plausible.
	p := &Page{Kind: domain.KindBirth, Records: []Record{dated(domain.KindBirth, 0.87,
		map[string]string{"birth_date": "1987-02-04", "registration_date": "1987-02-26"})}}
	p.Records[0].Fields["registration_date"] = Field{Name: "registration_date", Type: "date", Value: "1987-02-26", Confidence: 0.99}
	checkDigits(p, 0, BookYears{From: 1987, To: 1987})
	if f := p.Records[0].Fields["birth_date"]; !hasIssue(f, CodeDigitReading) {
		t.Errorf("04/02 at 0.87: got %+v, want flagged", f)
	}
	if f := p.Records[0].Fields["registration_date"]; f.NeedsReview {
		t.Errorf("a registration read at 0.99 is not doubted: %+v", f)
	}
	// Sure readings, and readings whose alternatives are all implausible, are not flagged.
	p = &Page{Kind: domain.KindBirth, Records: []Record{dated(domain.KindBirth, 0.99,
		map[string]string{"birth_date": "1987-02-04", "registration_date": "1987-02-26"})}}
	checkDigits(p, 0, BookYears{From: 1987, To: 1987})
	if f := p.Records[0].Fields["birth_date"]; f.NeedsReview {
		t.Errorf("a birth date read at 0.99 flagged: %+v", f)
	}
	p = &Page{Kind: domain.KindBirth, Records: []Record{dated(domain.KindBirth, 0.9,
		map[string]string{"registration_date": "1987-02-25"})}}
	checkDigits(p, 0, BookYears{From: 1987, To: 1987})
	if f := p.Records[0].Fields["registration_date"]; f.NeedsReview {
		t.Errorf("25/02/1987 has no plausible competitor in a 1987 book (20/02? no: 2 and 5 have none): %+v", f)
	}
	// A registration out of page order has its in-order alternative offered.
	p = &Page{Kind: domain.KindBirth}
	for i, d := range []string{"1987-03-02", "1987-08-04", "1987-03-09"} {
		p.Records = append(p.Records, dated(domain.KindBirth, 0.9, map[string]string{"registration_date": d}))
		if i != 1 {
			p.Records[i].Fields["registration_date"] = Field{Name: "registration_date", Type: "date", Value: d, Confidence: 0.99}
		}
	}
	checkDigits(p, 1, BookYears{From: 1987, To: 1987})
	if f := p.Records[1].Fields["registration_date"]; !hasIssue(f, CodeDigitReading) || len(f.Suggestions) == 0 || f.Suggestions[0] != "1987-03-04" {
		t.Errorf("04/08 between 02/03 and 09/03: got %+v, want 04/03 suggested", f)
	}
}

func TestNameToneAlternatives(t *testing.T) {
	for _, tc := range []struct {
		word, alt string
		doubt     bool
	}{
		{"Tuyển", "", true},   // Tuyến is as common: doubt, nothing to prefer
		{"Mỵ", "Mỹ", true},    // not in the list, Mỹ is: doubt, offer Mỹ
		{"Mỹ", "", false},     // the list strongly favours Mỹ as read
		{"Nguyễn", "", false}, // no competing tone in the list
		{"TUYỂN", "", true},   // capitals too
		{"Thị", "", false},    // Thi is rarer by far, and no confusable tone
	} {
		alt, doubt := toneAlternative(tc.word)
		if alt != tc.alt || doubt != tc.doubt {
			t.Errorf("toneAlternative(%q) = %q, %v; want %q, %v", tc.word, alt, doubt, tc.alt, tc.doubt)
		}
	}
	f := Tones(Field{Name: "full_name", Type: "name", Value: "Lò Thị Mỵ", Confidence: 0.9})
	if !f.NeedsReview || !hasIssue(f, CodeNameTone) || len(f.Suggestions) == 0 || f.Suggestions[0] != "Lò Thị Mỹ" {
		t.Errorf("Lò Thị Mỵ at 0.9: got %+v", f)
	}
	if f := Tones(Field{Name: "full_name", Type: "name", Value: "Lò Thị Mỵ", Confidence: 0.99}); f.NeedsReview {
		t.Errorf("a name read at 0.99 is not doubted: %+v", f)
	}
}

func TestStrayWordsFromTheLineAbove(t *testing.T) {
	value := line(500, 600, "Lê Văn Ba")
	if strayWords(value) {
		t.Error("a value on one line has no stray words")
	}
	above := line(480, 400, "xã Hòa") // half a line up: the boxes overlap enough to be grouped
	ws := append(above, value...)
	if !strayWords(ws) {
		t.Error("words half a line above the value not found")
	}
	f := Stray(Field{Name: "father_name", Value: "xã Hòa Lê Văn Ba", Confidence: 0.98}, ws)
	if !f.NeedsReview || !hasIssue(f, CodeStrayWords) {
		t.Errorf("got %+v, want flagged", f)
	}
	// Punctuation sits low or at mid-height: it is not a word of another line.
	punct := line(500, 600, "Tai , biến mạch máu não")
	punct[1].Box.Min.Y, punct[1].Box.Max.Y = 530, 550
	if strayWords(punct) {
		t.Error("a comma below the line taken for a stray word")
	}
	// A wrapped value on two lines is two lines, not stray words.
	wrapped := append(line(500, 600, "thôn Đông, xã Hòa Bình,"), line(590, 260, "huyện Kim Bôi, tỉnh Hà Sơn Bình")...)
	if strayWords(wrapped) {
		t.Error("a wrapped value taken for stray words")
	}
}

func TestCrossCheckKeepsARightPage(t *testing.T) {
	p := numbered("12", "13", "14")
	for i := range p.Records {
		p.Records[i].Fields["registration_date"] = Field{Name: "registration_date", Type: "date",
			Value: "1987-03-0" + strconv.Itoa(i+2), Confidence: 0.99}
	}
	Run(p, BookYears{From: 1987, To: 1987}, 11)
	for i, rec := range p.Records {
		for name, f := range rec.Fields {
			if f.NeedsReview {
				t.Errorf("entry %d %s flagged: %+v", i, name, f)
			}
		}
	}
}

// line builds the words of one printed line at baseline row y, starting at x: each word is
// 20 px per character wide, 40 px tall, with a 20 px space (as ocr's test helper of that name).
func line(y, x int, text string) []Word {
	var ws []Word
	for _, t := range strings.Fields(text) {
		w := 20 * utf8.RuneCountInString(t)
		ws = append(ws, Word{Text: t, Box: image.Rect(x, y, x+w, y+40), Conf: 0.95})
		x += w + 20
	}
	return ws
}
