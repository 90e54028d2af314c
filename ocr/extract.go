package ocr

import (
	"context"
	"fmt"
	"image"
	"time"

	"github.com/otiai10/gosseract/v2"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/imaging"
	"github.com/sohoa/sohoa/ocr/crosscheck"
	"github.com/sohoa/sohoa/validate/spelling"
)

// pagePSM is how whole pages are segmented: fully automatic (Tesseract's default).
const pagePSM = gosseract.PSM_AUTO

// BoxSpace names the coordinates of every box: the cleaned greyscale page (imaging.Result.Gray),
// after border crop, deskew and upscaling — the image clerks see, not the scan as uploaded.
const BoxSpace = "cleaned_gray"

// ExtractOptions says what the page is; empty values are detected from the page.
type ExtractOptions struct {
	Kind   domain.Kind
	Layout Layout
	// DPI is the scanning resolution the file records (imaging.Info.DPI), for ExtractImage's
	// clean-up; 0 lets imaging.Clean estimate it.
	DPI float64
	// Book is the years the register covers (the ledger's); registrations outside them are
	// flagged. After is the last entry number of the book's page before, when known (0 if not).
	Book  BookYears
	After int
}

// toBox is r as a domain.Box. Boxes of a Page are in pixels of the cleaned greyscale page
// (BoxSpace); BoxOriginal ones in the image as given.
func toBox(r image.Rectangle) domain.Box { return domain.Box{r.Min.X, r.Min.Y, r.Max.X, r.Max.Y} }

// Extract reads a cleaned page and returns its records. All the page's Tesseract calls run on
// one pooled client within the page time limit; ctx is checked before each call.
func (r *Reader) Extract(ctx context.Context, res *imaging.Result, opts ExtractOptions) (Page, error) {
	src, other := r.input(res)
	var page Page
	err := r.engine.do(ctx, 0, func(ctx context.Context, c *tessClient) error {
		start := time.Now()
		var err error
		if page, err = r.readPage(ctx, c, res, src, other, opts); err != nil {
			return err
		}
		page = r.readPoorTwice(ctx, c, res, other, opts, page, time.Since(start))
		return nil
	})
	if err != nil {
		return Page{}, fmt.Errorf("extract: %w", err)
	}
	crosscheck.Sequence(&page)
	crosscheck.Run(&page, opts.Book, opts.After)
	honestHand(&page, rawTrust)
	calibrate(&page, r.calibration, r.cfg.ReviewThreshold)
	if poorPage(res.Metrics) {
		flagAll(&page)
	}
	mapToOriginal(&page, res.Geometry)
	return page, nil
}

// readPage reads the page src with the client c and returns its records, before the page-wide
// checks; other is the image fields are cropped from.
func (r *Reader) readPage(ctx context.Context, c *tessClient, res *imaging.Result, src, other *image.Gray, opts ExtractOptions) (Page, error) {
	// The ruling is looked for once: it decides how the page is read and its layout.
	tg, table, layout := pageLayout(src, opts.Layout)
	words, err := readWords(ctx, c, src, tg, table)
	if err != nil {
		return Page{}, err
	}
	t, entries, err := r.layout(words, tg, layout, opts.Kind)
	if err != nil {
		return Page{}, err
	}
	page := Page{Kind: t.Kind, Layout: t.Layout, Template: t.Name, BoxSpace: BoxSpace,
		Size: [2]int{res.Gray.Rect.Dx(), res.Gray.Rect.Dy()}, Records: []Record{}}
	fr := fieldReader{r: r, c: c, kind: t.Kind, crop: other, bin: res.Binary, mh: medianHeight(words)}
	hand := classifyEntries(measureEntries(res.Binary, entries), poorPage(res.Metrics))
	for k, e := range entries {
		fr.hand = hand[k]
		rec, err := fr.record(ctx, t, e)
		if err != nil {
			return Page{}, err
		}
		if e.blind && boxedFields(rec) < 2 {
			continue // an empty ruled row
		}
		rec.Index = len(page.Records)
		page.Records = append(page.Records, rec)
	}
	return page, nil
}

// pageLayout looks for the page's ruling (unless want is LayoutForm) and returns its geometry,
// whether there is one, and the layout: want, or when empty, table if ruled and form if not.
func pageLayout(src *image.Gray, want Layout) (tableGeometry, bool, Layout) {
	var tg tableGeometry
	table := false
	if want != LayoutForm {
		tg, table = findTable(src, minTableCols)
	}
	layout := want
	if layout == "" {
		layout = LayoutForm
		if table {
			layout = LayoutTable
		}
	}
	return tg, table, layout
}

// readWords reads the words of src: cell by cell when the page is ruled, else as a whole page.
func readWords(ctx context.Context, c *tessClient, src *image.Gray, tg tableGeometry, table bool) ([]Word, error) {
	if table {
		return c.readTable(ctx, src, tg)
	}
	return c.recognize(ctx, src, readSettings{psm: pagePSM})
}

// Pages whose ink is this faded, or whose paper this noisy, are misread in ways Tesseract's own
// confidence does not show (measured on the synthetic corpus: heavy pages have contrast
// 0.28–0.44 and noise up to 12, light ones contrast 0.54–0.66), so none of their fields is
// taken as certain.
const (
	poorContrast = 0.38
	poorNoise    = 8.0
)

func poorPage(m imaging.Metrics) bool { return m.Contrast < poorContrast || m.Noise > poorNoise }

// CodePoorPage marks the entries of a faded or noisy page.
const CodePoorPage = "poor_page"

// flagAll sends every field of a poor page to review, saying why once per entry.
func flagAll(p *Page) {
	for i := range p.Records {
		rec := &p.Records[i]
		rec.NeedsReview = true
		rec.Issues = append(rec.Issues, domain.Issue{Code: CodePoorPage, Severity: domain.SeverityNote,
			VI: "Trang mờ hoặc nhiễu: kiểm tra từng ô", EN: "Faded or noisy page: check every field"})
		for name, f := range rec.Fields {
			f.NeedsReview = true
			rec.Fields[name] = f
		}
	}
}

// layout picks the template of the given layout (among all kinds unless kind is given) and
// splits the page into entries with it; tg is the page's ruled grid, for tables.
func (r *Reader) layout(words []Word, tg tableGeometry, layout Layout, kind domain.Kind) (Template, []*entry, error) {
	lines := groupLines(words)
	titled := kind
	if titled == "" {
		titled = detectKind(lines, r.templates.All())
	}
	// Every template of the layout is tried, as a title read in part ("SỔ ĐĂNG KÝ KHAI") can
	// point to the wrong kind: the one finding most fields wins, the kind the title names
	// winning a near tie.
	ts := r.templates.Find(kind, layout)
	if len(ts) == 0 {
		return Template{}, nil, fmt.Errorf("%w: no template for kind %q, layout %q", domain.ErrNotFound, kind, layout)
	}
	var (
		best      Template
		bestE     []*entry
		bestCount = -1
		lastErr   error
	)
	for _, t := range ts {
		var es []*entry
		var err error
		n := 0
		if t.Layout == LayoutTable {
			var headers int
			es, headers, err = extractTable(tg, words, t)
			n += 2 * headers // columns map by position whenever the counts agree
		} else {
			es = extractForm(lines, t)
		}
		if err != nil {
			lastErr = err
			continue
		}
		for _, e := range es {
			n += 2 * len(e.fields)
		}
		if t.Kind == titled {
			n += titleBonus
		}
		if n > bestCount {
			best, bestE, bestCount = t, es, n
		}
	}
	if bestCount < 0 {
		return Template{}, nil, lastErr
	}
	return best, bestE, nil
}

// titleBonus is what the kind named by the page title adds to its templates' score (two per
// field found): it wins unless another kind's template finds three more fields.
const titleBonus = 5

// detectKind finds the register title among the first lines of the page; "" when none is close.
func detectKind(lines []Line, ts []Template) domain.Kind {
	var kind domain.Kind
	bestScore := 0.3 // at most 30% of the title's letters wrong
	for i, l := range lines {
		if i >= 20 {
			break
		}
		lf := fold(l.Text())
		for _, t := range ts {
			for _, title := range t.Title {
				tf := fold(title)
				if s := float64(spelling.Distance(lf, tf)) / float64(len(tf)); s < bestScore {
					kind, bestScore = t.Kind, s
				}
			}
		}
	}
	return kind
}
