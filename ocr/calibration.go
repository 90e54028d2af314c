package ocr

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
)

// Calibration maps a value's confidence (Tesseract's, lowered by failed checks, raised when two
// readings agree) to the probability that the value is right, per field type: the confidence
// of one type is not the accuracy of another (a date read at 0.9 is right more often than a
// place). It is fitted on the project's synthetic corpora by `sohoa eval --fit-calibration`.
type Calibration struct {
	Fitted string           `json:"fitted"` // how and on what it was fitted
	Bins   []float64        `json:"bins"`   // upper bounds of the confidence bins, increasing
	Types  map[string]Curve `json:"types"`  // by field type; "" is every type pooled
}

// Curve is one type's probability of being right per confidence bin, never decreasing.
type Curve struct {
	Right []float64 `json:"right"`
	N     []int     `json:"n"` // fields the bin was fitted on
}

// CalibrationBins are the confidence bins fits use: fine where the review threshold lies.
var CalibrationBins = []float64{0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99, 1.0001}

// rawTrust is the engine's confidence under which a value is read again and counts as doubtful
// for the checks that run before calibration (the neighbours' cross-checks, the handwritten
// values kept): those were measured at it, whatever review threshold is configured, which
// applies to the calibrated probability.
const rawTrust = 0.85

// minCurve is how many fields a type needs for a curve of its own; rarer types use the pooled one.
const minCurve = 40

//go:embed data/calibration.json
var calibrationJSON []byte

// loadCalibration parses the embedded calibration once per process.
var loadCalibration = sync.OnceValues(func() (Calibration, error) { return ParseCalibration(calibrationJSON) })

// ParseCalibration reads a calibration written by Calibration.JSON and checks its curves.
func ParseCalibration(b []byte) (Calibration, error) {
	var c Calibration
	if err := json.Unmarshal(b, &c); err != nil {
		return Calibration{}, fmt.Errorf("calibration: %w", err)
	}
	for t, cv := range c.Types {
		if len(cv.Right) != len(c.Bins) || len(cv.N) != len(c.Bins) {
			return Calibration{}, fmt.Errorf("calibration: type %q has %d bins, want %d", t, len(cv.Right), len(c.Bins))
		}
	}
	return c, nil
}

// Prob is the probability that a value of type typ read at confidence conf is right; conf
// itself when nothing was fitted.
func (c Calibration) Prob(typ string, conf float64) float64 {
	cv, ok := c.Types[typ]
	if !ok {
		cv, ok = c.Types[""]
	}
	if !ok || len(c.Bins) == 0 {
		return conf
	}
	i := 0
	for i < len(c.Bins)-1 && conf >= c.Bins[i] {
		i++
	}
	return cv.Right[i]
}

// Sample is one value with a known truth, for fitting.
type Sample struct {
	Type  string
	Conf  float64 // the raw confidence (Field.RawConfidence)
	Right bool
}

// FitCalibration fits a curve per type (and one pooled) on samples: the share right per bin,
// made non-decreasing by pooling adjacent violators, with half a right and half a wrong added
// to each pooled run of bins (none is certain); an empty bin takes its neighbour's value.
func FitCalibration(samples []Sample, fitted string) Calibration {
	c := Calibration{Fitted: fitted, Bins: CalibrationBins, Types: map[string]Curve{}}
	byType := map[string][]Sample{"": samples}
	for _, s := range samples {
		byType[s.Type] = append(byType[s.Type], s)
	}
	for t, ss := range byType {
		if t != "" && len(ss) < minCurve {
			continue
		}
		c.Types[t] = fitCurve(ss, c.Bins)
	}
	return c
}

func fitCurve(ss []Sample, bins []float64) Curve {
	n := make([]int, len(bins))
	right := make([]float64, len(bins))
	for _, s := range ss {
		i := 0
		for i < len(bins)-1 && s.Conf >= bins[i] {
			i++
		}
		n[i]++
		if s.Right {
			right[i]++
		}
	}
	// Pool adjacent violators over the non-empty bins, weighted by their counts.
	type block struct{ w, sum float64 }
	share := func(b block) float64 { return (b.sum + 0.5) / (b.w + 1) }
	var blocks []block
	var members [][]int
	for i := range bins {
		if n[i] == 0 {
			continue
		}
		blocks = append(blocks, block{float64(n[i]), right[i]})
		members = append(members, []int{i})
		for k := len(blocks) - 1; k > 0 && share(blocks[k-1]) > share(blocks[k]); k-- {
			blocks[k-1] = block{blocks[k-1].w + blocks[k].w, blocks[k-1].sum + blocks[k].sum}
			members[k-1] = append(members[k-1], members[k]...)
			blocks, members = blocks[:k], members[:k]
		}
	}
	p := make([]float64, len(bins))
	for i := range p {
		p[i] = -1
	}
	for k, b := range blocks {
		for _, i := range members[k] {
			p[i] = round3(share(b))
		}
	}
	fillEmpty(p)
	return Curve{Right: p, N: n}
}

// fillEmpty gives each empty bin (-1) the value of the nearest fitted bin below it, or above it
// at the low end, which keeps the curve non-decreasing.
func fillEmpty(p []float64) {
	first := slices.IndexFunc(p, func(v float64) bool { return v >= 0 })
	if first < 0 {
		for i := range p {
			p[i] = 0.5
		}
		return
	}
	for i := range first {
		p[i] = p[first]
	}
	for i := first + 1; i < len(p); i++ {
		if p[i] < 0 {
			p[i] = p[i-1]
		}
	}
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// JSON is the calibration as the data file ocr embeds (data/calibration.json).
func (c Calibration) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("calibration: %w", err)
	}
	return append(b, '\n'), nil
}

// calibrate replaces the confidence of every value with the probability that it is right
// (keeping Tesseract's in RawConfidence), and decides review on it: a value with no issue
// needs review when that probability is under the threshold.
func calibrate(p *Page, c Calibration, threshold float64) {
	for i := range p.Records {
		rec := &p.Records[i]
		rec.NeedsReview = len(rec.Issues) > 0
		for name, f := range rec.Fields {
			if f.Value != "" {
				f.RawConfidence = f.Confidence
				f.Confidence = c.Prob(f.Type, f.Confidence)
				if len(f.Issues) == 0 {
					f.NeedsReview = f.Confidence < threshold
				}
				rec.Fields[name] = f
			}
			rec.NeedsReview = rec.NeedsReview || f.NeedsReview
		}
	}
}
