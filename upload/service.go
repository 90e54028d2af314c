package upload

import (
	"context"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/imaging/photo"
	"github.com/sohoa/sohoa/ingest"
	"github.com/sohoa/sohoa/storage"
)

// Store is what an upload needs of the database.
type Store interface {
	Ledger(ctx context.Context, id int64) (domain.Ledger, error)
	MarkPending(ctx context.Context, uploadID string, keys ...string) error
	CommitScans(ctx context.Context, uploadID string, scans []domain.Scan) ([]domain.Scan, bool, error)
}

// Objects is what an upload needs of the object store.
type Objects interface {
	PutOriginalSums(ctx context.Context, r io.Reader, sums storage.Sums) (storage.Original, error)
	PutOriginal(ctx context.Context, r io.ReadSeeker) (storage.Original, error)
}

var (
	_ Store   = (*storage.Store)(nil)
	_ Objects = (*storage.Objects)(nil)
)

// Config bounds uploads.
type Config struct {
	MaxBytes int64         // one file, default 100 MB
	Limits   ingest.Limits // pages of one file
	TempDir  string        // where files wait while they are checked (default: the system's)
}

// DefaultMaxBytes is the default size limit of one uploaded file.
const DefaultMaxBytes = 100 << 20

// Service takes uploads into the queue.
type Service struct {
	store   Store
	objects Objects
	cfg     Config
	logger  *slog.Logger
}

// New builds the upload service.
func New(store Store, objects Objects, cfg Config, logger *slog.Logger) *Service {
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	if cfg.Limits.MaxPixels == 0 {
		cfg.Limits = ingest.DefaultLimits
	}
	return &Service{store: store, objects: objects, cfg: cfg, logger: logger}
}

// MaxBytes is the size limit of one file.
func (s *Service) MaxBytes() int64 { return s.cfg.MaxBytes }

// Request is one uploaded file for a ledger; its first page is Page.
type Request struct {
	LedgerID int64
	Page     int
	From     string    // who sent it: a station's name, or "capture:" and a user name
	Body     io.Reader // the file
}

// Result is what an upload became.
type Result struct {
	Scans   []domain.Scan // one per page, in order (a spread gives left, then right)
	Created bool          // false when every page was already there with exactly this content
	Photo   *photo.Result // set for a phone photo: the pages found and the verdict
}

// Upload takes one file into the queue. A photo that must be taken again is refused with a
// *RetakeError (which wraps domain.ErrInvalid); nothing of it is stored.
func (s *Service) Upload(ctx context.Context, req Request) (Result, error) {
	if req.Page < 1 || req.Page > 100_000 {
		return Result{}, fmt.Errorf("%w: the page number must be a whole number from 1", domain.ErrInvalid)
	}
	if _, err := s.store.Ledger(ctx, req.LedgerID); err != nil {
		return Result{}, err
	}
	dir, err := os.MkdirTemp(s.cfg.TempDir, "upload-")
	if err != nil {
		return Result{}, fmt.Errorf("upload: %w", err)
	}
	defer os.RemoveAll(dir)
	up, err := s.spool(req.Body, filepath.Join(dir, "upload"))
	if err != nil {
		return Result{}, err
	}
	format, err := ingest.Sniff(up.head)
	if err != nil {
		return Result{}, err
	}
	pages, err := ingest.Split(ctx, up.path, format, dir, s.cfg.Limits)
	if err != nil {
		return Result{}, err
	}
	res := Result{}
	scans := s.scansOf(req, up, pages)
	if len(pages) == 1 && (format == ingest.JPEG || format == ingest.PNG) {
		if res.Photo, err = inspectPhoto(ctx, up.path); err != nil {
			return res, err
		}
		if res.Photo != nil && res.Photo.Spread {
			left, right := scans[0], scans[0]
			left.Side, right.Side, right.Page = string(photo.Left), string(photo.Right), req.Page+1
			scans = []domain.Scan{left, right}
		}
	}
	res.Scans, res.Created, err = s.storeAll(ctx, up, pages, scans)
	if err != nil {
		return Result{}, err
	}
	s.logger.InfoContext(ctx, "scan uploaded", slog.String("from", req.From), slog.Int64("ledger_id", req.LedgerID),
		slog.Int("page", req.Page), slog.Int("pages", len(res.Scans)), slog.Int64("scan_id", res.Scans[0].ID),
		slog.Bool("created", res.Created), slog.Bool("photo", res.Photo != nil))
	return res, nil
}

// scansOf makes the scan rows of an upload's pages, numbered from the request's page.
func (s *Service) scansOf(req Request, up spooled, pages []ingest.Page) []domain.Scan {
	sourceKey := ""
	if len(pages) > 1 || pages[0].Path != up.path {
		sourceKey = domain.OriginalKey(up.sums.SHA256)
	}
	scans := make([]domain.Scan, len(pages))
	for i, p := range pages {
		scans[i] = domain.Scan{LedgerID: req.LedgerID, Page: req.Page + i, SHA256: p.SHA256, ObjectKey: domain.OriginalKey(p.SHA256),
			Bytes: p.Bytes, ContentType: p.ContentType, Width: p.Width, Height: p.Height, Station: req.From,
			SourceKey: sourceKey, SourceIndex: i}
	}
	return scans
}

// storeAll stores every object, verified, before any row refers to it; they are marked pending
// first so that a crash in between leaves nothing the next start cannot collect.
func (s *Service) storeAll(ctx context.Context, up spooled, pages []ingest.Page, scans []domain.Scan) ([]domain.Scan, bool, error) {
	files, keys := []string{}, []string{}
	if scans[0].SourceKey != "" {
		files, keys = append(files, up.path), append(keys, scans[0].SourceKey)
	}
	for _, p := range pages {
		files, keys = append(files, p.Path), append(keys, domain.OriginalKey(p.SHA256))
	}
	uploadID := randomID()
	if err := s.store.MarkPending(ctx, uploadID, keys...); err != nil {
		return nil, false, err
	}
	for _, f := range files {
		if err := s.putOriginal(ctx, f, up); err != nil {
			return nil, false, err
		}
	}
	return s.store.CommitScans(ctx, uploadID, scans)
}

type spooled struct {
	path string
	head []byte
	sums storage.Sums
}

// spool writes the upload to path, within the size limit, hashing it on the way.
func (s *Service) spool(body io.Reader, path string) (spooled, error) {
	f, err := os.Create(path)
	if err != nil {
		return spooled{}, fmt.Errorf("spool upload: %w", err)
	}
	defer f.Close()
	h, m5 := sha256.New(), md5.New()
	disk := &spoolFile{f: f}
	n, err := io.Copy(io.MultiWriter(disk, h, m5), io.LimitReader(body, s.cfg.MaxBytes+1))
	if disk.err != nil {
		// Our disk is full (or failing), not the sender's fault: the station keeps the page and
		// sends it again later.
		return spooled{}, fmt.Errorf("%w: spool upload: %w", domain.ErrUnavailable, disk.err)
	}
	if err != nil {
		return spooled{}, fmt.Errorf("%w: the upload was interrupted: %w", domain.ErrInvalid, err)
	}
	if n > s.cfg.MaxBytes {
		return spooled{}, fmt.Errorf("%w: the file is over the limit of %d MB", domain.ErrTooLarge, s.cfg.MaxBytes>>20)
	}
	if n == 0 {
		return spooled{}, fmt.Errorf("%w: the body is empty; send the page image", domain.ErrInvalid)
	}
	head := make([]byte, 16)
	k, _ := f.ReadAt(head, 0)
	sums := storage.Sums{Bytes: n, SHA256: hex.EncodeToString(h.Sum(nil)), MD5: hex.EncodeToString(m5.Sum(nil))}
	return spooled{path: path, head: head[:k], sums: sums}, nil
}

// spoolFile remembers why writing the spool failed, to tell it from a broken upload.
type spoolFile struct {
	f   *os.File
	err error
}

func (w *spoolFile) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	if err != nil {
		w.err = err
	}
	return n, err
}

// putOriginal stores one file; the upload itself goes with the checksums taken while it was
// received, so it is not read an extra time.
func (s *Service) putOriginal(ctx context.Context, path string, up spooled) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if path == up.path {
		_, err = s.objects.PutOriginalSums(ctx, f, up.sums)
	} else {
		_, err = s.objects.PutOriginal(ctx, f)
	}
	return err
}

func randomID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
