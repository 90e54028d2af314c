package eval

import (
	"context"
	"fmt"
	"image"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/imaging"
	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/synth"
)

// evalPage is one corpus page and what eval measured on it.
type evalPage struct {
	path  string
	truth synth.GroundTruth
	// plain page OCR
	cer, wer, secs map[string]float64 // by input: raw, gray, binary
	// extraction
	fields       []fieldOutcome
	wrong        []string // one TSV line per wrong field, for --wrong
	rightFlagged []string // one TSV line per right field flagged for review, for --flagged-right
	badBoxes     []string // one TSV line per field whose box misses the truth box, for --boxes
	entries      entryCount
	extractSec   float64
	err          error
}

// fieldOutcome compares one printed field with the ground truth.
type fieldOutcome struct {
	name, severity string
	exact, flagged bool
	suggested      bool    // not exact, but the first suggestion is the truth
	conf           float64 // the field's confidence (0 when not found)
	script         scriptOutcome
	typ            string  // the field's type (Field.Type)
	raw            float64 // its confidence before calibration (Field.RawConfidence)
	// flaggedOther: flagged whatever the review threshold (an issue, no value, a poor page)
	flaggedOther bool
}

// Options say what Run measures.
type Options struct {
	Corpus string // folder written by sohoa synth
	Limit  int    // read at most this many pages (0: all)
	// Inputs are the cleaned images to measure plain OCR on besides the raw page: gray, binary.
	Inputs     []string
	SpeedPages int // pages timed one at a time against bare tesseract
	// OCR configures the reader of the extraction (review threshold, input image, re-reads).
	OCR   ocr.Config
	Plain bool // measure plain page OCR (CER/WER) too
	// WrongPath, when set, receives every wrong field as TSV.
	WrongPath string
	// FlaggedPath, when set, receives every right field flagged for review, as TSV.
	FlaggedPath string
	// BoxesPath, when set, receives every field whose box misses the truth box, as TSV.
	BoxesPath string
	// FitPath, when set, receives a calibration fitted on the corpus (ocr.Calibration JSON).
	FitPath string
	// FieldsPath, when set, receives every printed field's outcome as TSV, to check a calibration.
	FieldsPath string
}

// Run measures plain OCR and field extraction on a synthetic corpus and prints the tables to
// stdout; progress goes to stderr.
func Run(ctx context.Context, o Options, stdout, stderr io.Writer) error {
	if o.Corpus == "" {
		return fmt.Errorf("eval: a corpus folder is required: %w", domain.ErrInvalid)
	}
	pages, err := loadPages(o.Corpus, o.Limit)
	if err != nil {
		return err
	}
	r, err := ocr.New(o.OCR)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	defer r.Close()
	kinds := append([]string{"raw"}, o.Inputs...)
	fmt.Fprintf(stderr, "eval: %d pages, %d workers\n", len(pages), r.Workers())
	if o.Plain {
		plainStart := time.Now()
		parallel(r.Workers(), pages, func(p *evalPage) { p.err = plainOCR(ctx, r, p, kinds) })
		fmt.Fprintf(stderr, "eval: plain OCR done in %s\n", time.Since(plainStart).Round(time.Second))
	}
	extStart := time.Now()
	parallel(r.Workers(), pages, func(p *evalPage) {
		if p.err == nil {
			p.err = extractPage(ctx, r, p)
		}
	})
	extWall := time.Since(extStart)
	if err := report(stdout, stderr, pages, kinds, o); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nThroughput: %d pages decoded, cleaned and extracted in %.1f s with %d workers: %.1f pages/minute\n",
		len(pages), extWall.Seconds(), r.Workers(), float64(len(pages))/extWall.Minutes())
	return speedCompare(ctx, stdout, r, pages[:min(o.SpeedPages, len(pages))])
}

// loadPages reads the ground truth of the corpus's pages, in name order, at most limit (0: all).
func loadPages(corpus string, limit int) ([]*evalPage, error) {
	paths, err := filepath.Glob(filepath.Join(corpus, "page-*.json"))
	if err != nil || len(paths) == 0 {
		return nil, fmt.Errorf("eval: no page-*.json in %s: %w", corpus, domain.ErrNotFound)
	}
	slices.Sort(paths)
	if limit > 0 && len(paths) > limit {
		paths = paths[:limit]
	}
	pages := make([]*evalPage, len(paths))
	for i, p := range paths {
		gt, err := synth.ReadTruth(p)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		pages[i] = &evalPage{path: filepath.Join(corpus, gt.Image), truth: gt,
			cer: map[string]float64{}, wer: map[string]float64{}, secs: map[string]float64{}}
	}
	return pages, nil
}

// report prints the tables (plain OCR when measured, fields, scripts), counts the failed pages
// and writes the wrong fields when asked.
func report(stdout, stderr io.Writer, pages []*evalPage, kinds []string, o Options) error {
	failed := 0
	for _, p := range pages {
		if p.err != nil {
			fmt.Fprintf(stderr, "eval: %s: %v\n", p.path, p.err)
			p.failAll()
			failed++
		}
	}
	if o.Plain {
		printCER(stdout, pages, kinds)
	}
	printFields(stdout, pages)
	printOutcomes(stdout, pages)
	printReliability(stdout, pages)
	printScripts(stdout, pages)
	if failed > 0 {
		fmt.Fprintf(stdout, "\n%d of %d pages failed (reason above); their fields are counted as wrong and flagged, as the pipeline fails such a page's job for a person to see.\n", failed, len(pages))
	}
	for _, out := range []struct {
		path, what, header string
		rows               func(*evalPage) []string
	}{
		{o.FlaggedPath, "flagged right fields", fieldHeader, func(p *evalPage) []string { return p.rightFlagged }},
		{o.WrongPath, "wrong fields", fieldHeader, func(p *evalPage) []string { return p.wrong }},
		{o.BoxesPath, "missed boxes", boxHeader, func(p *evalPage) []string { return p.badBoxes }},
	} {
		if out.path == "" {
			continue
		}
		if err := writeTSV(out.path, out.header, pages, out.rows); err != nil {
			return fmt.Errorf("eval: write %s %s: %w", out.what, out.path, err)
		}
	}
	if o.FieldsPath != "" {
		if err := writeFields(o.FieldsPath, pages); err != nil {
			return fmt.Errorf("eval: write fields %s: %w", o.FieldsPath, err)
		}
	}
	if o.FitPath != "" {
		if err := writeCalibration(o.FitPath, o.Corpus, pages); err != nil {
			return fmt.Errorf("eval: write calibration %s: %w", o.FitPath, err)
		}
	}
	return nil
}

// parallel runs f on every page with n goroutines.
func parallel(n int, pages []*evalPage, f func(*evalPage)) {
	ch := make(chan *evalPage)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for p := range ch {
				f(p)
			}
		})
	}
	for _, p := range pages {
		ch <- p
	}
	close(ch)
	wg.Wait()
}

// plainOCR reads the page raw and cleaned, and scores the text against the truth lines.
func plainOCR(ctx context.Context, r *ocr.Reader, p *evalPage, kinds []string) error {
	img, info, err := p.decode(ctx)
	if err != nil {
		return err
	}
	var res *imaging.Result
	ref := truthText(p.truth)
	for _, k := range kinds {
		var g *image.Gray
		start := time.Now()
		switch k {
		case "raw":
			g = imaging.Grayscale(img)
		case "gray", "binary":
			if res == nil {
				if res, err = imaging.Clean(ctx, img, imaging.Options{DPI: info.DPI}); err != nil {
					return err
				}
			}
			g = res.Gray
			if k == "binary" {
				g = res.Binary
			}
		default:
			return fmt.Errorf("unknown input %q: %w", k, domain.ErrInvalid)
		}
		text, err := r.Text(ctx, g)
		if err != nil {
			return err
		}
		p.secs[k] = time.Since(start).Seconds()
		p.cer[k], p.wer[k] = ocr.CharErrorRate(ref, text), ocr.WordErrorRate(ref, text)
	}
	return nil
}

func truthText(gt synth.GroundTruth) string {
	var b strings.Builder
	for _, l := range gt.Lines {
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// extractPage extracts the page's records and compares every printed field with the truth.
func extractPage(ctx context.Context, r *ocr.Reader, p *evalPage) error {
	start := time.Now()
	img, info, err := p.decode(ctx)
	if err != nil {
		return err
	}
	page, _, err := r.ExtractImage(ctx, img, ocr.ExtractOptions{DPI: info.DPI,
		Book: ocr.BookYears{From: p.truth.Year, To: p.truth.Year}}) // the ledger's years, as the pipeline passes them
	if err != nil {
		return err
	}
	p.extractSec = time.Since(start).Seconds()
	pairs := pairEntries(p.truth.Records, page.Records)
	for i, tr := range p.truth.Records {
		got := pairs[i]
		p.entries.add(got != nil)
		for _, tf := range tr.Fields {
			if !tf.Printed {
				continue
			}
			o := fieldOutcome{name: tf.Name, severity: string(p.truth.Severity)}
			var f ocr.Field
			var ok bool
			if got != nil {
				f, ok = got.Fields[tf.Name]
				o.exact = ok && ocr.NormalizeText(f.Value) == ocr.NormalizeText(tf.Value)
				o.flagged = !ok || f.NeedsReview
				o.suggested = !o.exact && len(f.Suggestions) > 0 && ocr.NormalizeText(f.Suggestions[0]) == ocr.NormalizeText(tf.Value)
				o.conf, o.raw, o.typ = f.Confidence, f.RawConfidence, f.Type
				o.flaggedOther = !ok || f.Value == "" || len(f.Issues) > 0 || hasIssue(got.Issues, ocr.CodePoorPage)
			} else {
				o.flaggedOther = true
			}
			o.script = measureScript(tf, f, ok)
			if o.script.boxed && !o.script.boxOK {
				p.badBoxes = append(p.badBoxes, p.boxLine(tr.Number, tf, f, ok))
			}
			p.fields = append(p.fields, o)
			var codes []string
			for _, is := range f.Issues {
				codes = append(codes, is.Code)
			}
			if !o.exact {
				p.wrong = append(p.wrong, p.wrongLine(tr.Number, tf, f, o.flagged, got != nil, strings.Join(codes, ",")))
			} else if o.flagged {
				p.rightFlagged = append(p.rightFlagged, p.wrongLine(tr.Number, tf, f, true, true, strings.Join(codes, ",")))
			}
		}
	}
	return nil
}

// valuePair is a truth entry i, an extracted record j and how many distinctive fields agree.
type valuePair struct{ i, j, n int }

// pairsByValues lists the unpaired entries and records that agree on at least two of the
// entry's distinctive fields (a value no other entry on the page has).
func pairsByValues(truth []synth.Record, recs []ocr.Record, out []*ocr.Record, used []bool) []valuePair {
	seen := map[[2]string]int{} // how many entries have each field value
	for _, tr := range truth {
		for _, tf := range tr.Fields {
			seen[[2]string{tf.Name, ocr.NormalizeText(tf.Value)}]++
		}
	}
	var pairs []valuePair
	for i, tr := range truth {
		if out[i] != nil {
			continue
		}
		for j := range recs {
			if used[j] {
				continue
			}
			n := 0
			for _, tf := range tr.Fields {
				v := ocr.NormalizeText(tf.Value)
				f, ok := recs[j].Fields[tf.Name]
				if tf.Printed && tf.Name != "entry_no" && seen[[2]string{tf.Name, v}] == 1 && ok && ocr.NormalizeText(f.Value) == v {
					n++
				}
			}
			if n >= 2 {
				pairs = append(pairs, valuePair{i, j, n})
			}
		}
	}
	return pairs
}

// pairEntries finds the extracted record for each truth entry (nil for a lost entry). Entries
// are in page order on both sides: when extraction found as many as the page has, they pair in
// order. Otherwise they pair by entry number; then left-over entries and records pair by how
// many of the entry's distinctive fields (a value no other entry on the page has, such as a
// name or a date; not "Kinh" or "Việt Nam") the record has exactly right, at least two, best
// pairs first (the number was misread: a wrong field, not a lost entry); then an entry whose
// record in the same place has no number read pairs with it.
func pairEntries(truth []synth.Record, recs []ocr.Record) []*ocr.Record {
	out := make([]*ocr.Record, len(truth))
	if len(recs) == len(truth) {
		for i := range truth {
			out[i] = &recs[i]
		}
		return out
	}
	used := make([]bool, len(recs))
	byNo := map[string]int{}
	for i := range recs {
		byNo[recs[i].Fields["entry_no"].Value] = i
	}
	for i, tr := range truth {
		if j, ok := byNo[strconv.Itoa(tr.Number)]; ok && !used[j] {
			out[i], used[j] = &recs[j], true
		}
	}
	pairs := pairsByValues(truth, recs, out, used)
	slices.SortStableFunc(pairs, func(a, b valuePair) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return abs(a.i-a.j) - abs(b.i-b.j)
	})
	for _, p := range pairs {
		if out[p.i] == nil && !used[p.j] {
			out[p.i], used[p.j] = &recs[p.j], true
		}
	}
	pairByPlace(truth, recs, out, used)
	for i := range truth {
		if out[i] == nil && i < len(recs) && !used[i] && recs[i].Fields["entry_no"].Value == "" {
			out[i], used[i] = &recs[i], true
		}
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

var severities = []string{"light", "medium", "heavy", "all"}

func printCER(w io.Writer, pages []*evalPage, kinds []string) {
	fmt.Fprintln(w, "Plain page OCR (CER/WER: Levenshtein on NFC text, whitespace collapsed, vs truth lines in reading order)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "severity\tpages\t")
	for _, k := range kinds {
		fmt.Fprintf(tw, "CER %s\tWER %s\ts/page %s\t", k, k, k)
	}
	fmt.Fprintln(tw)
	for _, sev := range severities {
		var sel []*evalPage
		for _, p := range pages {
			if p.err == nil && (sev == "all" || string(p.truth.Severity) == sev) {
				sel = append(sel, p)
			}
		}
		if len(sel) == 0 {
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t", sev, len(sel))
		for _, k := range kinds {
			fmt.Fprintf(tw, "%.1f%%\t%.1f%%\t%.2f\t", 100*mean(sel, func(p *evalPage) float64 { return p.cer[k] }),
				100*mean(sel, func(p *evalPage) float64 { return p.wer[k] }), mean(sel, func(p *evalPage) float64 { return p.secs[k] }))
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
}

func mean(ps []*evalPage, f func(*evalPage) float64) float64 {
	s := 0.0
	for _, p := range ps {
		s += f(p)
	}
	return s / float64(len(ps))
}

// tally counts field outcomes.
type tally struct{ n, exact, wrongFlagged, wrongUnflagged int }

func (t *tally) add(o fieldOutcome) {
	t.n++
	switch {
	case o.exact:
		t.exact++
	case o.flagged:
		t.wrongFlagged++
	default:
		t.wrongUnflagged++
	}
}

func pct(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
}

func printFields(w io.Writer, pages []*evalPage) {
	bySev := map[string]*tally{}
	byField := map[string]map[string]*tally{}
	var names []string
	for _, p := range pages {
		for _, o := range p.fields {
			for _, sev := range []string{o.severity, "all"} {
				if bySev[sev] == nil {
					bySev[sev] = &tally{}
				}
				bySev[sev].add(o)
				if byField[o.name] == nil {
					byField[o.name] = map[string]*tally{}
					names = append(names, o.name)
				}
				if byField[o.name][sev] == nil {
					byField[o.name][sev] = &tally{}
				}
				byField[o.name][sev].add(o)
			}
		}
	}
	fmt.Fprintln(w, "\nField accuracy (normalised value = truth value; flagged = needs_review)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "severity\tfields\texact\twrong\twrong flagged (of wrong)\twrong but unflagged\t(of all fields)\t")
	for _, sev := range severities {
		t := bySev[sev]
		if t == nil {
			continue
		}
		wrong := t.wrongFlagged + t.wrongUnflagged
		fmt.Fprintf(tw, "%s\t%d\t%s\t%d\t%s\t%d\t%s\t\n", sev, t.n, pct(t.exact, t.n), wrong,
			pct(t.wrongFlagged, wrong), t.wrongUnflagged, pct(t.wrongUnflagged, t.n))
	}
	tw.Flush()
	fmt.Fprintln(w, "\nExact per field (wrong-but-unflagged count in brackets)")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "field\tlight\tmedium\theavy\tall\t")
	slices.Sort(names)
	for _, n := range names {
		fmt.Fprintf(tw, "%s\t", n)
		for _, sev := range severities {
			if t := byField[n][sev]; t != nil {
				fmt.Fprintf(tw, "%s (%d)\t", pct(t.exact, t.n), t.wrongUnflagged)
			} else {
				fmt.Fprint(tw, "-\t")
			}
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
}

// failAll counts every printed field of a page that could not be read as wrong and flagged.
func (p *evalPage) failAll() {
	p.fields, p.wrong = p.fields[:0], p.wrong[:0]
	p.entries = entryCount{truth: len(p.truth.Records)}
	for _, tr := range p.truth.Records {
		for _, tf := range tr.Fields {
			if tf.Printed {
				p.fields = append(p.fields, fieldOutcome{name: tf.Name, severity: string(p.truth.Severity), flagged: true,
					script: measureScript(tf, ocr.Field{}, false)})
				p.wrong = append(p.wrong, p.wrongLine(tr.Number, tf, ocr.Field{}, true, false, "page_failed"))
			}
		}
	}
}

// wrongLine is the --wrong TSV line of one wrong field: the truth, what was extracted (f), and
// the issue codes.
func (p *evalPage) wrongLine(entry int, tf synth.Field, f ocr.Field, flagged, found bool, codes string) string {
	return strings.Join([]string{filepath.Base(p.path), string(p.truth.Severity), strconv.Itoa(entry),
		tf.Name, tf.Value, f.Value, f.Text, strconv.FormatFloat(f.Confidence, 'f', 2, 64),
		strconv.FormatBool(flagged), strconv.FormatBool(found), codes}, "\t")
}

// oneLine keeps an OCR reading on one TSV line (its fields are already tab-separated).
var oneLine = strings.NewReplacer("\n", " ", "\r", " ")

// fieldHeader is the header of the --wrong and --flagged-right TSV files.
const fieldHeader = "page\tseverity\tentry\tfield\ttruth\tvalue\tocr_text\tconfidence\tflagged\tentry_found\tissues"

// writeTSV writes header and the rows of every page as TSV, for finding what to fix.
func writeTSV(path, header string, pages []*evalPage, rows func(*evalPage) []string) error {
	var b strings.Builder
	b.WriteString(header + "\n")
	for _, p := range pages {
		for _, l := range rows(p) {
			b.WriteString(oneLine.Replace(l))
			b.WriteByte('\n')
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// speedCompare times, one page at a time, sohoa's extraction (decode, clean, extract) against
// the bare `tesseract IMAGE - -l vie` on the same raw pages.
func speedCompare(ctx context.Context, w io.Writer, r *ocr.Reader, pages []*evalPage) error {
	if len(pages) == 0 {
		return nil
	}
	var ext, bare float64
	for _, p := range pages {
		q := *p
		start := time.Now()
		if err := extractPage(ctx, r, &q); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		ext += time.Since(start).Seconds()
		start = time.Now()
		cmd := exec.CommandContext(ctx, "tesseract", p.path, "-", "-l", "vie")
		cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("eval: tesseract %s: %w: %s", p.path, err, out)
		}
		bare += time.Since(start).Seconds()
	}
	n := float64(len(pages))
	fmt.Fprintf(w, "\nSpeed, one page at a time on %d raw pages: extract (decode+clean+OCR+re-reads+checks) %.2f s/page, "+
		"bare `tesseract IMAGE - -l vie` %.2f s/page, ratio %.2f×\n", len(pages), ext/n, bare/n, ext/bare)
	return nil
}
