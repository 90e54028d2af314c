package ocr

import (
	"context"
	"image"
	"testing"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/imaging"
	"github.com/sohoa/sohoa/synth"
)

func TestHonestHandKeepsOnlyReliableValues(t *testing.T) {
	f := func(typ, value string, conf float64, hand bool) Field {
		return Field{Type: typ, Value: value, Text: value, Confidence: conf, Issues: []domain.Issue{}, Handwritten: hand}
	}
	p := Page{Records: []Record{{Fields: map[string]Field{
		"entry_no":            f("entry_no", "129", 0.97, true),
		"full_name":           f("name", "Kê Văn An", 0.97, true),
		"sex":                 f("sex", "Nam", 0.95, true),
		"ethnicity":           f("ethnicity", "Kinh", 0.6, true),
		"birth_date":          f("date", "1987-03-05", 0.9, true),
		"birth_date_in_words": f("date_in_words", "1987-03-05", 0.9, true),
		"registration_date":   f("date", "1987-05-12", 0.96, true),
		"mother_name":         f("name", "Lê Thị Thu", 0.96, false),
	}}}}
	honestHand(&p, 0.85)
	rec := p.Records[0]
	kept := map[string]bool{"sex": true, "birth_date": true, "birth_date_in_words": true, "mother_name": true}
	for name, got := range rec.Fields {
		if kept[name] {
			if got.Value == "" || got.NeedsReview {
				t.Errorf("%s: got %q needs_review %v, want kept as certain", name, got.Value, got.NeedsReview)
			}
			continue
		}
		if got.Value != "" || !got.NeedsReview || got.Confidence != 0 {
			t.Errorf("%s: got %q needs_review %v conf %v, want emptied for review", name, got.Value, got.NeedsReview, got.Confidence)
		}
		if n := len(got.Issues); n == 0 || got.Issues[n-1].Code != CodeHandwritten || got.Issues[n-1].VI != "Viết tay — nhập theo ảnh" {
			t.Errorf("%s: got issues %+v, want the handwritten issue", name, got.Issues)
		}
		if len(got.Suggestions) == 0 || got.Suggestions[0] != got.Text {
			t.Errorf("%s: got suggestions %q, want the reading %q offered", name, got.Suggestions, got.Text)
		}
	}
	if !rec.NeedsReview {
		t.Error("record not marked for review")
	}

	// Figures and words that disagree keep neither.
	p.Records[0].Fields["birth_date"] = f("date", "1987-03-05", 0.9, true)
	p.Records[0].Fields["birth_date_in_words"] = f("date_in_words", "1987-03-15", 0.9, true)
	honestHand(&p, 0.85)
	if v := p.Records[0].Fields["birth_date"].Value; v != "" {
		t.Errorf("birth_date disagreeing with its words: got %q, want emptied", v)
	}
}

func TestClassifyEntries(t *testing.T) {
	typed := []float64{0.03, 0.04, 0.05, 0.06, 0.14}
	hand := []float64{0.16, 0.2, 0.22, 0.3, 0.05}
	cases := []struct {
		name   string
		scores [][]float64
		want   []bool
	}{
		{"typed page", [][]float64{typed, typed, {0.2}}, []bool{false, false, false}},
		{"handwritten page", [][]float64{hand, hand, {0.02}, nil}, []bool{true, true, true, true}},
		{"typed page, one entry scoring high", [][]float64{typed, typed, typed, {0.27, 0.3, 0.26}}, []bool{false, false, false, false}},
		{"handwritten page, one entry typed", [][]float64{hand, hand, hand, {0.02, 0.03, 0.04}}, []bool{true, true, true, false}},
		{"nothing measured", [][]float64{nil, nil}, []bool{false, false}},
	}
	if got := classifyEntries([][]float64{{0.15, 0.16, 0.17}}, true); got[0] {
		t.Errorf("poor page scoring 0.16: got handwritten, want typed (its broken type looks irregular)")
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := classifyEntries(tc.scores, false)
			for i := range tc.want {
				if got[i] != tc.want[i] {
					t.Fatalf("got %v, want %v", got, tc.want)
				}
			}
		})
	}
}

// paper is a white page with black rectangles ("glyphs") drawn on it.
func paper(w, h int, rects ...image.Rectangle) *image.Gray {
	g := image.NewGray(image.Rect(0, 0, w, h))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	for _, r := range rects {
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				g.Pix[g.PixOffset(x, y)] = 0
			}
		}
	}
	return g
}

func TestMeasureInkTellsTypewriterFromPen(t *testing.T) {
	var typed, pen []image.Rectangle
	for i := range 8 {
		x := 100 + 30*i // a typewriter: one cell per glyph, one baseline
		typed = append(typed, image.Rect(x+4, 100, x+22, 130))
		// a pen: letters as wide as their shapes, the baseline wandering
		px := 100 + []int{0, 22, 60, 78, 120, 135, 170, 200}[i]
		pw := []int{18, 30, 12, 36, 10, 28, 24, 16}[i]
		dy := []int{0, 3, -2, 4, -3, 1, 5, -1}[i]
		pen = append(pen, image.Rect(px, 100+dy, px+pw, 130+dy))
	}
	box := image.Rect(90, 80, 400, 150)
	ft, fp := measureInk(paper(500, 200, typed...), box), measureInk(paper(500, 200, pen...), box)
	if !ft.measured() || !fp.measured() {
		t.Fatalf("got %+v and %+v, want both measured", ft, fp)
	}
	if ft.score() > 0.03 || fp.score() < handPage {
		t.Fatalf("typed score %.3f, pen score %.3f: want typed < 0.03 and pen > %.2f", ft.score(), fp.score(), handPage)
	}
}

func TestInkBoxLeavesOutLeadersAndSpecks(t *testing.T) {
	word := []image.Rectangle{image.Rect(210, 100, 230, 140), image.Rect(236, 110, 256, 140), image.Rect(240, 92, 248, 98)}
	var dots []image.Rectangle
	for x := 120; x < 480; x += 16 {
		dots = append(dots, image.Rect(x, 150, x+3, 152)) // a dotted leader under the line
	}
	dots = append(dots, image.Rect(400, 100, 402, 102)) // a speck
	g := paper(600, 300, append(word, dots...)...)
	got := inkBox(g, image.Rect(100, 60, 500, 160), 40)
	if want := image.Rect(210, 92, 256, 140); got != want {
		t.Fatalf("got %v, want %v (the word with its diacritic)", got, want)
	}
	if got := inkBox(paper(600, 300, dots...), image.Rect(100, 60, 500, 160), 40); !got.Empty() {
		t.Fatalf("got %v from a leader alone, want empty", got)
	}
}

// TestTypedTableIsNotHandwriting renders a typed and a handwritten birth-register table and
// extracts them: no value of the typed one may be taken for handwriting, and the handwritten
// one must be. Measured as one box, the typed table's values wrapped over two lines of a cell
// scored as handwriting (page median 0.23) and were emptied for the clerk to key.
func TestTypedTableIsNotHandwriting(t *testing.T) {
	r := newTestReader(t, Config{})
	for _, tc := range []struct {
		script synth.Script
		want   bool
	}{{synth.ScriptTyped, false}, {synth.ScriptHand, true}} {
		t.Run(string(tc.script), func(t *testing.T) {
			p, err := synth.Render(synth.Options{Seed: 404, Kind: domain.KindBirth, Layout: synth.LayoutTable,
				Severity: synth.SeverityLight, Script: tc.script}, 0)
			if err != nil {
				t.Fatal(err)
			}
			res, err := imaging.Clean(context.Background(), p.Image, imaging.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := r.Extract(context.Background(), res, ExtractOptions{})
			if err != nil {
				t.Fatal(err)
			}
			n, same := 0, 0
			for _, rec := range got.Records {
				for _, f := range rec.Fields {
					n++
					if f.Handwritten == tc.want {
						same++
					}
				}
			}
			if n < 50 || same < n*9/10 {
				t.Fatalf("%s table: %d of %d fields with handwritten=%v, want at least 50 fields and 90%%", tc.script, same, n, tc.want)
			}
		})
	}
}
