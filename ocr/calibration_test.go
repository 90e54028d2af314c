package ocr

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/sohoa/sohoa/domain"
)

// drawSamples makes n samples of two types whose chance of being right grows with the confidence, the
// dates' faster than the places'.
func drawSamples(seed uint64, n int) []Sample {
	r := rand.New(rand.NewPCG(seed, 7))
	var ss []Sample
	for range n {
		conf := 0.5 + 0.5*r.Float64()
		typ, p := "date", math.Pow(conf, 3)
		if r.IntN(2) == 0 {
			typ, p = "place", math.Pow(conf, 8)
		}
		ss = append(ss, Sample{Type: typ, Conf: conf, Right: r.Float64() < p})
	}
	return ss
}

// TestFitCalibrationHoldsOnAnotherDraw fits on one draw and checks on another: every curve
// never decreases, and in every bin with 100 values or more the predicted probability is
// within three standard errors (of the difference of two shares of n values) of the share
// right on the check draw.
func TestFitCalibrationHoldsOnAnotherDraw(t *testing.T) {
	c := FitCalibration(drawSamples(1, 8000), "test")
	if _, ok := c.Types["date"]; !ok {
		t.Fatal("no curve for dates")
	}
	for typ, cv := range c.Types {
		for i := 1; i < len(cv.Right); i++ {
			if cv.Right[i] < cv.Right[i-1] {
				t.Fatalf("%s: bin %d %.3f < bin %d %.3f, want non-decreasing", typ, i, cv.Right[i], i-1, cv.Right[i-1])
			}
		}
	}
	type bin struct{ n, right int }
	check := map[[2]int]*bin{}
	for _, s := range drawSamples(2, 8000) {
		i := 0
		for i < len(c.Bins)-1 && s.Conf >= c.Bins[i] {
			i++
		}
		k := [2]int{map[string]int{"date": 0, "place": 1}[s.Type], i}
		if check[k] == nil {
			check[k] = &bin{}
		}
		check[k].n++
		if s.Right {
			check[k].right++
		}
	}
	for k, b := range check {
		if b.n < 100 {
			continue
		}
		typ := []string{"date", "place"}[k[0]]
		got, want := c.Prob(typ, c.Bins[k[1]]-0.001), float64(b.right)/float64(b.n)
		if se := math.Sqrt(2 * want * (1 - want) / float64(b.n)); math.Abs(got-want) > 3*se+0.005 {
			t.Errorf("%s bin %d: predicted %.3f, observed %.3f on the check draw (n %d)", typ, k[1], got, want, b.n)
		}
	}
	if got := c.Prob("sex", 0.99); got != c.Types[""].Right[len(c.Bins)-1] {
		t.Errorf("a type without a curve: got %.3f, want the pooled curve's", got)
	}
}

// TestEmbeddedCalibration checks the data file ocr embeds: fitted, every curve within 0..1
// and never decreasing, one curve for every type pooled.
func TestEmbeddedCalibration(t *testing.T) {
	c, err := loadCalibration()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Types[""]; !ok || len(c.Bins) == 0 {
		t.Fatalf("got %d bins and types %v, want a fitted calibration with a pooled curve", len(c.Bins), c.Types)
	}
	for typ, cv := range c.Types {
		for i, p := range cv.Right {
			if p < 0 || p > 1 || i > 0 && p < cv.Right[i-1] {
				t.Fatalf("%q: bin %d is %.3f after %v, want non-decreasing within 0..1", typ, i, p, cv.Right[:i])
			}
		}
	}
}

// calibrate decides review on the calibrated probability for values without issues, and leaves
// values with issues flagged.
func TestCalibrateDecidesReviewOnTheProbability(t *testing.T) {
	c := Calibration{Bins: []float64{0.9, 1.0001}, Types: map[string]Curve{
		"date": {Right: []float64{0.7, 0.995}, N: []int{10, 10}},
		"":     {Right: []float64{0.5, 0.9}, N: []int{10, 10}}}}
	p := Page{Records: []Record{{Fields: map[string]Field{
		"birth_date":  {Type: "date", Value: "1977-01-08", Confidence: 0.95, NeedsReview: true, Issues: []domain.Issue{}},
		"birth_place": {Type: "place", Value: "Phú Nhuận", Confidence: 0.97, Issues: []domain.Issue{}},
		"death_date":  {Type: "date", Value: "1977-01-09", Confidence: 0.97, NeedsReview: true, Issues: []domain.Issue{{Code: "x"}}},
	}}}}
	calibrate(&p, c, 0.95)
	f := p.Records[0].Fields
	if g := f["birth_date"]; g.Confidence != 0.995 || g.RawConfidence != 0.95 || g.NeedsReview {
		t.Errorf("birth_date: got %+v, want probability 0.995 from 0.95, not flagged", g)
	}
	if g := f["birth_place"]; g.Confidence != 0.9 || !g.NeedsReview {
		t.Errorf("birth_place: got %+v, want the pooled 0.9, flagged", g)
	}
	if g := f["death_date"]; !g.NeedsReview {
		t.Errorf("death_date with an issue: got %+v, want flagged", g)
	}
	if !p.Records[0].NeedsReview {
		t.Error("record not flagged")
	}
}
