package pipeline

// Unit tests of the retry decision with hand-written fakes (no PostgreSQL, MinIO or Tesseract):
// a page that cannot be used fails its scan with the reason and cancels the job; a dependency
// that fails makes the job retry. The end-to-end tests in process_scan_test.go stay.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/riverqueue/river"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/imaging"
	"github.com/sohoa/sohoa/ocr"
)

type fakeStore struct {
	scan      domain.Scan
	scanErr   error
	statusErr error
	statuses  []string    // "status: reason" in order
	last      map[int]int // the last entry number of each page read
	lastErr   error
}

func (f *fakeStore) Scan(_ context.Context, id int64) (domain.Scan, error) {
	if f.scanErr != nil {
		return domain.Scan{}, fmt.Errorf("scan %d: %w", id, f.scanErr)
	}
	return f.scan, nil
}

func (f *fakeStore) Ledger(_ context.Context, id int64) (domain.Ledger, error) {
	return domain.Ledger{ID: id, Kind: domain.KindBirth}, nil
}

func (f *fakeStore) SetScanStatus(_ context.Context, _ int64, status domain.ScanStatus, reason string) error {
	if f.statusErr != nil && status == domain.ScanFailed {
		return f.statusErr
	}
	f.statuses = append(f.statuses, string(status)+": "+reason)
	return nil
}

func (f *fakeStore) SetScanSize(context.Context, int64, int, int) error { return nil }

func (f *fakeStore) SetScanClean(context.Context, int64, string, int, int) error { return nil }

func (f *fakeStore) SaveExtraction(context.Context, int64, []domain.Record) error {
	return errors.New("no entries expected in these tests")
}

func (f *fakeStore) LastEntryNumber(_ context.Context, ledgerID int64, page int) (int, error) {
	if f.lastErr != nil {
		return 0, f.lastErr
	}
	n, ok := f.last[page]
	if !ok {
		return 0, fmt.Errorf("last entry number of ledger %d page %d: %w", ledgerID, page, domain.ErrNotFound)
	}
	return n, nil
}

type fakeObjects struct {
	data []byte
	err  error
}

func (f *fakeObjects) Get(context.Context, string) (io.ReadCloser, error) {
	if f.err != nil {
		return nil, f.err
	}
	return io.NopCloser(bytes.NewReader(f.data)), nil
}

func (f *fakeObjects) PutDerived(context.Context, string, string, io.Reader, int64) error { return nil }

type fakeReader struct{}

func (fakeReader) Extract(context.Context, *imaging.Result, ocr.ExtractOptions) (ocr.Page, error) {
	return ocr.Page{}, errors.New("not expected")
}

func sha(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func newWork(store *fakeStore, objects *fakeObjects) *ProcessScan {
	return &ProcessScan{store: store, objects: objects, reader: fakeReader{}, logger: slog.New(slog.DiscardHandler)}
}

func cancelled(err error) bool {
	var jc *river.JobCancelError
	return errors.As(err, &jc)
}

func TestRetryDecision(t *testing.T) {
	notImage := []byte("not an image at all")
	for _, tc := range []struct {
		name      string
		store     fakeStore
		objects   fakeObjects
		permanent bool
		reason    string // the scan's failure reason starts with it (permanent only)
	}{
		{name: "scan gone", store: fakeStore{scanErr: domain.ErrNotFound}, permanent: true, reason: "scan 5: not found"},
		{name: "database down", store: fakeStore{scanErr: domain.ErrUnavailable}},
		{name: "object store down", store: fakeStore{scan: domain.Scan{ID: 5, LedgerID: 1, ObjectKey: "originals/x", SHA256: sha(notImage)}},
			objects: fakeObjects{err: fmt.Errorf("get originals/x: %w", domain.ErrUnavailable)}},
		{name: "original changed", store: fakeStore{scan: domain.Scan{ID: 5, LedgerID: 1, ObjectKey: "originals/x", SHA256: sha([]byte("other"))}},
			objects: fakeObjects{data: notImage}, permanent: true, reason: "original originals/x hashes to " + sha(notImage) + ", not "},
		{name: "not an image", store: fakeStore{scan: domain.Scan{ID: 5, LedgerID: 1, ObjectKey: "originals/x", SHA256: sha(notImage)}},
			objects: fakeObjects{data: notImage}, permanent: true, reason: "the original is not a readable image ("},
	} {
		t.Run(tc.name, func(t *testing.T) {
			store, objects := tc.store, tc.objects
			err := newWork(&store, &objects).work(context.Background(), 5, 9)
			if err == nil {
				t.Fatal("no error")
			}
			failed := ""
			for _, s := range store.statuses {
				if strings.HasPrefix(s, string(domain.ScanFailed)+": ") {
					failed = strings.TrimPrefix(s, string(domain.ScanFailed)+": ")
				}
			}
			if !tc.permanent {
				if cancelled(err) || failed != "" {
					t.Fatalf("a passing failure cancelled the job (%v) or failed the scan (%q): %v", cancelled(err), failed, err)
				}
				return
			}
			if !cancelled(err) {
				t.Fatalf("a permanent failure is retried: %v", err)
			}
			if !strings.HasPrefix(failed, tc.reason) || strings.HasPrefix(failed, "permanent") {
				t.Fatalf("scan failed with %q, want it to start with %q", failed, tc.reason)
			}
		})
	}
}

// A permanent failure whose reason cannot be recorded is retried, so the scan is not left
// without its reason.
func TestPermanentFailureUnrecordedIsRetried(t *testing.T) {
	store := fakeStore{scanErr: domain.ErrNotFound, statusErr: fmt.Errorf("set status: %w", domain.ErrUnavailable)}
	err := newWork(&store, &fakeObjects{}).work(context.Background(), 5, 9)
	if !errors.Is(err, domain.ErrUnavailable) || cancelled(err) {
		t.Fatalf("got %v, want the status error, retried", err)
	}
}
