package eval

import (
	"fmt"
	"io"
	"slices"
	"text/tabwriter"

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

// printReviewThresholds prints, for review thresholds from 0.85 up, the wrong-unflagged and
// right-flagged shares on light and medium pages.
func printReviewThresholds(w io.Writer, pages []*evalPage) {
	fmt.Fprintln(w, "\nReview threshold on light+medium pages (fields under it flagged as well as those with issues)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "threshold\tfields\twrong-unflagged\tright-flagged (of right)\t")
	for _, th := range []float64{0.85, 0.88, 0.9, 0.92, 0.94, 0.96, 0.98} {
		n, wu, right, rf := 0, 0, 0, 0
		for _, p := range pages {
			if !inGroup(string(p.truth.Severity), "light+medium") {
				continue
			}
			for _, o := range p.fields {
				n++
				flagged := o.flagged || o.conf < th
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
		if n > 0 {
			fmt.Fprintf(tw, "%.2f\t%d\t%s\t%s\t\n", th, n, pct(wu, n), pct(rf, right))
		}
	}
	tw.Flush()
}
