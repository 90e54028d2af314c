package eval

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/sohoa/sohoa/imaging"
	"github.com/sohoa/sohoa/synth"
)

// BinariseOptions say which degraded pages BinariseRun measures the binarisation on.
type BinariseOptions struct {
	Seed     int64
	Pages    int
	Severity synth.Severity // the zero value means heavy
}

// BinariseRun renders synth pages with pixel ground truth (synth.RenderInkPair), binarises
// each with the cleaning pipeline (imaging.Clean, geometry kept: the page Tesseract reads), with
// its strokes trimmed (imaging.TrimStrokes: the second read of poor pages) and with plain
// Sauvola on the greyscale page (window 31, k 0.2) as a baseline, and prints the DIBCO-style
// F-measure (precision, recall) per page and the mean F over the pages.
func BinariseRun(ctx context.Context, o BinariseOptions, stdout io.Writer) error {
	so := synth.Options{Seed: o.Seed, Pages: o.Pages, Severity: o.Severity, Layout: synth.LayoutMixed}
	if so.Severity == "" {
		so.Severity = synth.SeverityHeavy
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "page\tseverity\tstains\tbleed\tblur\tfade\tF clean\tP\tR\tF trimmed\tP\tR\tF Sauvola\t")
	var sumClean, sumTrim, sumBase float64
	for i := range o.Pages {
		p, err := synth.RenderInkPair(so, i)
		if err != nil {
			return fmt.Errorf("binarise: %w", err)
		}
		res, err := imaging.Clean(ctx, p.Image, imaging.Options{KeepGeometry: true, DPI: 300})
		if err != nil {
			return fmt.Errorf("binarise: page %d: %w", i+1, err)
		}
		c := imaging.ScoreBinary(res.Binary, p.Ink)
		imaging.TrimStrokes(res.Gray, res.Binary, imaging.TrimFraction)
		tr := imaging.ScoreBinary(res.Binary, p.Ink)
		g := imaging.Grayscale(p.Image)
		b := imaging.ScoreBinary(imaging.Sauvola(g, 31, imaging.DefaultSauvolaK, imaging.DefaultSauvolaR), p.Ink)
		sumClean, sumTrim, sumBase = sumClean+c.F, sumTrim+tr.F, sumBase+b.F
		fmt.Fprintf(tw, "%s\t%s\t%d\t%.2f\t%.2f\t%.2f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t\n", synth.PageName(i), p.Severity,
			p.Params.Stains, p.Params.Bleed, p.Params.BlurSigma, p.Params.FadeMin, c.F, c.Precision, c.Recall, tr.F, tr.Precision, tr.Recall, b.F)
	}
	if o.Pages > 0 {
		n := float64(o.Pages)
		fmt.Fprintf(tw, "mean\t\t\t\t\t\t%.1f\t\t\t%.1f\t\t\t%.1f\t\n", sumClean/n, sumTrim/n, sumBase/n)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("binarise: %w", err)
	}
	return nil
}
