package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image/png"
	"io"
	"log/slog"
	"slices"
	"strconv"
	"strings"

	"github.com/riverqueue/river"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/imaging"
	"github.com/sohoa/sohoa/ocr"
)

// Store is what the pipeline needs of the database.
type Store interface {
	Scan(ctx context.Context, id int64) (domain.Scan, error)
	Ledger(ctx context.Context, id int64) (domain.Ledger, error)
	SetScanStatus(ctx context.Context, id int64, status domain.ScanStatus, reason string) error
	SetScanSize(ctx context.Context, id int64, width, height int) error
	SetScanClean(ctx context.Context, id int64, key string, width, height int) error
	SaveExtraction(ctx context.Context, scanID int64, records []domain.Record) error
	LastEntryNumber(ctx context.Context, ledgerID int64, page int) (int, error)
}

// Objects is what the pipeline needs of the object store.
type Objects interface {
	Get(ctx context.Context, key string) (io.ReadCloser, error)
	PutDerived(ctx context.Context, key, contentType string, r io.Reader, size int64) error
}

// Reader reads a cleaned page into entries (package ocr).
type Reader interface {
	Extract(ctx context.Context, res *imaging.Result, opts ocr.ExtractOptions) (ocr.Page, error)
}

// ProcessScan works domain.ProcessScanJob: original → checked → cleaned → read → entries in review.
type ProcessScan struct {
	river.WorkerDefaults[domain.ProcessScanJob]
	store   Store
	objects Objects
	reader  Reader
	logger  *slog.Logger
}

// Register adds the pipeline's workers to a River worker bundle.
func Register(workers *river.Workers, store Store, objects Objects, reader Reader, logger *slog.Logger) {
	river.AddWorker(workers, &ProcessScan{store: store, objects: objects, reader: reader, logger: logger})
}

// Work processes one scan. A page that cannot be used fails its own scan with the reason and is
// not retried; a dependency that is down makes the job retry later.
func (w *ProcessScan) Work(ctx context.Context, job *river.Job[domain.ProcessScanJob]) error {
	return w.work(ctx, job.Args.ScanID, job.ID)
}

// work processes a scan and decides what a failure means: a domain.PermanentError fails the scan
// with its reason and cancels the job; any other error is returned for River to retry.
func (w *ProcessScan) work(ctx context.Context, scanID, jobID int64) error {
	logger := w.logger.With(slog.Int64("scan_id", scanID), slog.Int64("job_id", jobID))
	err := w.process(ctx, scanID, logger)
	if reason, permanent := domain.PermanentReason(err); permanent {
		logger.Warn("scan failed", slog.Any("error", err))
		if serr := w.store.SetScanStatus(ctx, scanID, domain.ScanFailed, reason); serr != nil {
			return serr
		}
		return river.JobCancel(err)
	}
	if err != nil {
		logger.Error("scan processing will be retried", slog.Any("error", err))
		return err
	}
	return nil
}

func (w *ProcessScan) process(ctx context.Context, id int64, logger *slog.Logger) error {
	sc, err := w.store.Scan(ctx, id)
	if errors.Is(err, domain.ErrNotFound) {
		return domain.Permanent(err.Error(), err)
	}
	if err != nil {
		return err
	}
	ledger, err := w.store.Ledger(ctx, sc.LedgerID)
	if err != nil {
		return err
	}
	data, err := w.original(ctx, sc)
	if err != nil {
		return err
	}
	res, err := w.clean(ctx, sc, data)
	if err != nil {
		return err
	}
	if err := w.storeClean(ctx, sc.ID, res); err != nil {
		return err
	}
	if err := w.store.SetScanStatus(ctx, id, domain.ScanOCR, ""); err != nil {
		return err
	}
	opts, err := w.extractOptions(ctx, ledger, sc)
	if err != nil {
		return err
	}
	page, err := w.reader.Extract(ctx, res, opts)
	if err != nil {
		if ctx.Err() != nil {
			return err // shutting down or timed out: try again later
		}
		return domain.Permanent(fmt.Sprintf("OCR failed: %v", err), err)
	}
	if len(page.Records) == 0 {
		return domain.Permanent("không tìm thấy mục nào trên trang / no entries found on the page", nil)
	}
	records := toRecords(ledger.Kind, page)
	if err := w.store.SaveExtraction(ctx, sc.ID, records); err != nil {
		return err
	}
	logger.Info("scan read", slog.Int("records", len(records)), slog.Float64("skew", res.Metrics.SkewDegrees))
	return nil
}

// extractOptions says what the page of sc is: the ledger's kind and years, and the last entry
// number of the book's page before, which the page's numbers follow on from (0 when that page
// is not read yet or has no number).
func (w *ProcessScan) extractOptions(ctx context.Context, ledger domain.Ledger, sc domain.Scan) (ocr.ExtractOptions, error) {
	opts := ocr.ExtractOptions{Kind: ledger.Kind, Book: ocr.BookYears{From: ledger.YearFrom, To: ledger.YearTo}}
	if sc.Page <= 1 {
		return opts, nil
	}
	after, err := w.store.LastEntryNumber(ctx, ledger.ID, sc.Page-1)
	switch {
	case errors.Is(err, domain.ErrNotFound):
	case err != nil:
		return opts, err
	default:
		opts.After = after
	}
	return opts, nil
}

// clean decodes the original (a phone photo made a flat page first) and cleans it; a page that
// cannot be decoded, cleaned or read well enough fails for good with the reason.
func (w *ProcessScan) clean(ctx context.Context, sc domain.Scan, data []byte) (*imaging.Result, error) {
	if err := w.store.SetScanStatus(ctx, sc.ID, domain.ScanCleaning, ""); err != nil {
		return nil, err
	}
	img, info, err := imaging.DecodeBytes(data, imaging.Limits{})
	if err != nil {
		return nil, domain.Permanent(fmt.Sprintf("the original is not a readable image (%v)", err), err)
	}
	b := img.Bounds()
	if err := w.store.SetScanSize(ctx, sc.ID, b.Dx(), b.Dy()); err != nil {
		return nil, err
	}
	var opts imaging.Options
	if img, info, err = flatPage(ctx, img, info, sc, &opts); err != nil {
		return nil, err
	}
	opts.DPI = info.DPI
	res, err := imaging.Clean(ctx, img, opts)
	if err != nil {
		return nil, domain.Permanent(fmt.Sprintf("cleaning failed: %v", err), err)
	}
	if res.Rescan {
		var vi, en []string
		for _, r := range res.Reasons {
			vi, en = append(vi, r.Vietnamese), append(en, r.English)
		}
		return nil, domain.Permanent(fmt.Sprintf("cần quét lại: %s / rescan needed: %s", strings.Join(vi, "; "), strings.Join(en, "; ")), nil)
	}
	return res, nil
}

// original reads the scan's original and checks it is the content the row names.
func (w *ProcessScan) original(ctx context.Context, sc domain.Scan) ([]byte, error) {
	rc, err := w.objects.Get(ctx, sc.ObjectKey)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		return nil, fmt.Errorf("read original %s: %w", sc.ObjectKey, err)
	}
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != sc.SHA256 {
		return nil, domain.Permanent(fmt.Sprintf("original %s hashes to %s, not %s", sc.ObjectKey, got, sc.SHA256), nil)
	}
	return data, nil
}

// storeClean keeps the cleaned greyscale page, the image clerks see and the boxes refer to.
func (w *ProcessScan) storeClean(ctx context.Context, scanID int64, res *imaging.Result) error {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, res.Gray); err != nil {
		return fmt.Errorf("encode clean page: %w", err)
	}
	key := "derived/scans/" + strconv.FormatInt(scanID, 10) + "/clean.png"
	if err := w.objects.PutDerived(ctx, key, "image/png", bytes.NewReader(buf.Bytes()), int64(buf.Len())); err != nil {
		return err
	}
	b := res.Gray.Bounds()
	return w.store.SetScanClean(ctx, scanID, key, b.Dx(), b.Dy())
}

// toRecords turns what OCR read into entries with their fields in page order.
func toRecords(kind domain.Kind, page ocr.Page) []domain.Record {
	out := make([]domain.Record, 0, len(page.Records))
	for _, pr := range page.Records {
		box := pr.Box
		r := domain.Record{Index: pr.Index, Kind: kind, Box: &box, BoxOriginal: optBox(pr.BoxOriginal), Confidence: 1}
		for pos, name := range kind.Fields() {
			f, ok := pr.Fields[name]
			if !ok && slices.Contains(pr.Absent, name) {
				// An optional line this entry does not have: not on the page, not missing,
				// and no reason to lower the entry's confidence.
				r.Fields = append(r.Fields, absentField(name, pos))
				continue
			}
			if !ok {
				f = ocr.Field{Issues: []domain.Issue{{Code: "missing", VI: "Thiếu / chưa rõ: không tìm thấy trên trang", EN: "Missing / unclear: not found on the page"}}, NeedsReview: true}
			}
			df := domain.Field{Name: name, Position: pos, OCRText: f.Text, Value: f.Value, Confidence: clamp(f.Confidence),
				Suggestions: f.Suggestions, NeedsReview: f.NeedsReview || pr.NeedsReview && hasRecordIssue(pr, name),
				BoxOriginal: optBox(f.BoxOriginal), Handwritten: f.Handwritten}
			if f.Box != (domain.Box{}) {
				fb := f.Box
				df.Box = &fb
			}
			df.Issues = append(df.Issues, f.Issues...)
			for _, is := range pr.Issues {
				// An issue about the whole entry (a faded page, say) is shown on its first field.
				if is.Field == name || (is.Field == "" && pos == 0) {
					df.Issues = append(df.Issues, is)
				}
			}
			r.Confidence = min(r.Confidence, df.Confidence)
			r.Fields = append(r.Fields, df)
		}
		out = append(out, r)
	}
	return out
}

// absentField is a field the page does not have.
func absentField(name string, pos int) domain.Field {
	return domain.Field{Name: name, Position: pos, Confidence: 1, Issues: []domain.Issue{{Code: domain.IssueAbsent,
		VI: "Không có trên trang", EN: "Not on the page"}}}
}

func hasRecordIssue(r ocr.Record, field string) bool {
	for _, is := range r.Issues {
		if is.Field == field {
			return true
		}
	}
	return false
}

// optBox is b as a domain box, nil when b is empty (not found).
func optBox(b domain.Box) *domain.Box {
	if b == (domain.Box{}) {
		return nil
	}
	return &b
}

func clamp(c float64) float64 { return max(0, min(1, c)) }
