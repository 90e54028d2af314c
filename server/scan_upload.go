package server

import (
	"context"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strconv"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/ingest"
	"github.com/sohoa/sohoa/storage"
)

// scanUpload accepts a page image (or a multi-page TIFF/PDF) for a ledger:
// POST /api/v1/ledgers/{id}/scans?page=N, the file as the body or as multipart field "file".
// The originals are stored and verified before the scan rows and their jobs are committed, in
// one transaction; the same bytes sent again for the same page return the existing scan.
func (s *Server) scanUpload(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	ledgerID, err := pathID(r, "id")
	if err != nil {
		return err
	}
	page, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || page < 1 || page > 100_000 {
		return fmt.Errorf("%w: give the page number as ?page=N (a whole number from 1)", domain.ErrInvalid)
	}
	if _, err := s.store.Ledger(ctx, ledgerID); err != nil {
		return err
	}

	dir, err := os.MkdirTemp(s.tempDir, "upload-")
	if err != nil {
		return fmt.Errorf("upload: %w", err)
	}
	defer os.RemoveAll(dir)
	upload, err := s.spool(w, r, filepath.Join(dir, "upload"))
	if err != nil {
		return err
	}
	format, err := ingest.Sniff(upload.head)
	if err != nil {
		return err
	}
	pages, err := ingest.Split(ctx, upload.path, format, dir, s.limits)
	if err != nil {
		return err
	}

	// Store every object, verified, before any row refers to it; mark them pending first so that
	// a crash in between leaves nothing the next start cannot collect.
	files := []string{}
	keys := []string{}
	sourceKey := ""
	if len(pages) > 1 || pages[0].Path != upload.path {
		sourceKey = domain.OriginalKey(upload.sums.SHA256)
		files, keys = append(files, upload.path), append(keys, sourceKey)
	}
	for _, p := range pages {
		files, keys = append(files, p.Path), append(keys, domain.OriginalKey(p.SHA256))
	}
	uploadID := randomID()
	if err := s.store.MarkPending(ctx, uploadID, keys...); err != nil {
		return err
	}
	for _, f := range files {
		if err := s.putOriginal(ctx, f, upload); err != nil {
			return err
		}
	}

	scans := make([]scanView, len(pages))
	created := false
	err = s.store.InTx(ctx, func(ctx context.Context, tx *storage.Tx) error {
		created = false
		for i, p := range pages {
			sc, err := tx.ScanByContent(ctx, ledgerID, page+i, p.SHA256)
			if err == nil {
				scans[i] = viewOf(sc, 0)
				continue
			}
			if !errors.Is(err, domain.ErrNotFound) {
				return err
			}
			sc = domain.Scan{LedgerID: ledgerID, Page: page + i, SHA256: p.SHA256, ObjectKey: domain.OriginalKey(p.SHA256),
				Bytes: p.Bytes, ContentType: p.ContentType, Width: p.Width, Height: p.Height, Station: stationName(r),
				SourceKey: sourceKey, SourceIndex: i}
			if err := tx.InsertScan(ctx, &sc); err != nil {
				return err
			}
			if err := tx.Enqueue(ctx, domain.ProcessScanJob{ScanID: sc.ID}); err != nil {
				return err
			}
			scans[i], created = viewOf(sc, 0), true
		}
		return tx.ClearPending(ctx, uploadID)
	})
	if err != nil {
		return err
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	s.logger.Info("scan uploaded", slog.String("station", stationName(r)), slog.Int64("ledger_id", ledgerID),
		slog.Int("page", page), slog.Int("pages", len(pages)), slog.Int64("scan_id", scans[0].ID), slog.Bool("created", created))
	w.Header().Set("Location", scans[0].StatusURL)
	writeJSON(w, status, struct {
		scanView
		Created bool       `json:"created"`
		Scans   []scanView `json:"scans"`
	}{scans[0], created, scans})
	return nil
}

type spooled struct {
	path string
	head []byte
	sums storage.Sums
}

// spool writes the uploaded file to path, within the size limit, hashing it on the way.
func (s *Server) spool(w http.ResponseWriter, r *http.Request, path string) (spooled, error) {
	body := http.MaxBytesReader(w, r.Body, s.maxUpload+1<<20) // room for multipart framing
	var src io.Reader = body
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		mr, err := r.MultipartReader()
		if err != nil {
			return spooled{}, fmt.Errorf("%w: malformed multipart body: %v", domain.ErrInvalid, err)
		}
		for {
			part, err := mr.NextPart()
			if err != nil {
				return spooled{}, tooLarge(err, s.maxUpload, fmt.Errorf("%w: multipart body has no field \"file\"", domain.ErrInvalid))
			}
			if part.FormName() == "file" {
				src = part
				break
			}
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return spooled{}, fmt.Errorf("spool upload: %w", err)
	}
	defer f.Close()
	h, m5 := sha256.New(), md5.New()
	n, err := io.Copy(io.MultiWriter(f, h, m5), io.LimitReader(src, s.maxUpload+1))
	if err != nil {
		return spooled{}, tooLarge(err, s.maxUpload, fmt.Errorf("%w: the upload was interrupted: %v", domain.ErrInvalid, err))
	}
	if n > s.maxUpload {
		return spooled{}, fmt.Errorf("%w: the file is over the limit of %d MB", domain.ErrTooLarge, s.maxUpload>>20)
	}
	if n == 0 {
		return spooled{}, fmt.Errorf("%w: the body is empty; send the page image", domain.ErrInvalid)
	}
	head := make([]byte, 16)
	k, _ := f.ReadAt(head, 0)
	sums := storage.Sums{Bytes: n, SHA256: hex.EncodeToString(h.Sum(nil)), MD5: hex.EncodeToString(m5.Sum(nil))}
	return spooled{path: path, head: head[:k], sums: sums}, nil
}

func tooLarge(err error, limit int64, otherwise error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return fmt.Errorf("%w: the file is over the limit of %d MB", domain.ErrTooLarge, limit>>20)
	}
	return otherwise
}

// putOriginal stores one file; the upload itself goes with the checksums taken while it was
// received, so it is not read an extra time.
func (s *Server) putOriginal(ctx context.Context, path string, upload spooled) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if path == upload.path {
		_, err = s.objects.PutOriginalSums(ctx, f, upload.sums)
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
