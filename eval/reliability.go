package eval

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/validate"
)

// confBins are the upper bounds of the confidence bins of the reliability table.
var confBins = []float64{0.5, 0.7, 0.85, 0.9, 0.95, 0.98, 1.0001}

// printReliability prints, per field type and confidence bin, how many fields were found, their
// mean confidence (what the engine predicts) and the share that is right (what happened), then
// for review thresholds from 0.85 up, the wrong-but-unflagged and flagged-correct shares on light
// and medium pages if every field under the threshold were flagged too.
func printReliability(w io.Writer, pages []*evalPage) {
	printReliabilityBins(w, binByType(pages))
	printReviewThresholds(w, pages)
}

// confBin is one confidence bin of the reliability table.
type confBin struct {
	n, right int
	conf     float64
}

// binByType bins the prefilled fields by field type and confidence.
func binByType(pages []*evalPage) map[validate.Type][]confBin {
	byType := map[validate.Type][]confBin{}
	for _, p := range pages {
		for _, o := range p.fields {
			if !o.script.prefilled {
				continue // nothing was predicted
			}
			t := validate.TypeOf(p.truth.Kind, o.name)
			if byType[t] == nil {
				byType[t] = make([]confBin, len(confBins))
			}
			i := 0
			for o.conf >= confBins[i] && i < len(confBins)-1 {
				i++
			}
			b := &byType[t][i]
			b.n++
			b.conf += o.conf
			if o.exact {
				b.right++
			}
		}
	}
	return byType
}

// printReliabilityBins prints the mean confidence and share right per type and confidence bin.
func printReliabilityBins(w io.Writer, byType map[validate.Type][]confBin) {
	fmt.Fprintln(w, "\nReliability (fields with a value: mean confidence vs share right, per type and confidence bin; n in brackets)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "type\t")
	lo := 0.0
	for _, hi := range confBins {
		fmt.Fprintf(tw, "%.2f–%.2f\t", lo, min(hi, 1))
		lo = hi
	}
	fmt.Fprintln(tw)
	var types []validate.Type
	for t := range byType {
		types = append(types, t)
	}
	slices.Sort(types)
	for _, t := range types {
		fmt.Fprintf(tw, "%s\t", t)
		for _, b := range byType[t] {
			if b.n == 0 {
				fmt.Fprint(tw, "-\t")
				continue
			}
			fmt.Fprintf(tw, "%.2f→%s (%d)\t", b.conf/float64(b.n), pct(b.right, b.n), b.n)
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
}

// printReviewThresholds prints, for review thresholds on the (calibrated) confidence, the
// wrong-unflagged and right-flagged shares on light and medium pages, and the lowest threshold
// that keeps wrong-unflagged under the target (0.3%).
func printReviewThresholds(w io.Writer, pages []*evalPage) {
	fmt.Fprintln(w, "\nReview threshold on light+medium pages (fields under it flagged as well as those with issues)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "threshold\tfields\twrong-unflagged\tright-flagged (of right)\t")
	best := -1.0
	for _, th := range reviewThresholds {
		n, wu, right, rf := thresholdOutcome(pages, th)
		if n == 0 {
			continue
		}
		fmt.Fprintf(tw, "%.3f\t%d\t%s\t%s\t\n", th, n, pct(wu, n), pct(rf, right))
		if best < 0 && float64(wu) < wrongUnflaggedTarget*float64(n) {
			best = th
		}
	}
	tw.Flush()
	if best >= 0 {
		fmt.Fprintf(w, "Lowest threshold keeping wrong-unflagged under %.1f%%: %.3f (configured: %.3f)\n", 100*wrongUnflaggedTarget, best, ocr.DefaultReviewThreshold)
	} else {
		fmt.Fprintf(w, "No threshold keeps wrong-unflagged under %.1f%%\n", 100*wrongUnflaggedTarget)
	}
}

// wrongUnflaggedTarget is the bound on wrong-but-unflagged fields on light+medium pages.
const wrongUnflaggedTarget = 0.003

var reviewThresholds = []float64{0.5, 0.6, 0.7, 0.8, 0.85, 0.88, 0.9, 0.92, 0.94, 0.95, 0.96, 0.97, 0.975, 0.98, 0.985, 0.99, 0.995}

// thresholdOutcome counts, on light and medium pages, the fields, the wrong ones unflagged, the
// right ones and the right ones flagged, were every value under th flagged.
func thresholdOutcome(pages []*evalPage, th float64) (n, wu, right, rf int) {
	for _, p := range pages {
		if !inGroup(string(p.truth.Severity), "light+medium") {
			continue
		}
		for _, o := range p.fields {
			n++
			flagged := o.flaggedOther || o.conf < th
			switch {
			case o.exact:
				right++
				if flagged {
					rf++
				}
			case !flagged:
				wu++
			}
		}
	}
	return n, wu, right, rf
}

// writeCalibration fits a calibration on the values the corpus's pages had with no issue (those
// with one are flagged whatever their confidence) and writes it as ocr's data file.
func writeCalibration(path, corpus string, pages []*evalPage) error {
	var ss []ocr.Sample
	for _, p := range pages {
		for _, o := range p.fields {
			if o.script.prefilled && !o.flaggedOther {
				ss = append(ss, ocr.Sample{Type: o.typ, Conf: o.raw, Right: o.exact})
			}
		}
	}
	c := ocr.FitCalibration(ss, fmt.Sprintf("sohoa eval --fit-calibration on %s: %d pages, %d values without issues",
		filepath.Base(corpus), len(pages), len(ss)))
	b, err := c.JSON()
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// writeFields writes every printed field's outcome as TSV: its type, confidences (raw and
// calibrated), whether it was flagged whatever the threshold, and whether it was right.
func writeFields(path string, pages []*evalPage) error {
	var b strings.Builder
	b.WriteString("page\tseverity\tfield\ttype\traw_confidence\tconfidence\tprefilled\tflagged_other\tright\n")
	for _, p := range pages {
		for _, o := range p.fields {
			fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%.3f\t%.3f\t%t\t%t\t%t\n", filepath.Base(p.path), o.severity, o.name, o.typ,
				o.raw, o.conf, o.script.prefilled, o.flaggedOther, o.exact)
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
