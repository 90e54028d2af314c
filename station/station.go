package station

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Station sends a scanner's pages to one ledger on the server.
type Station struct {
	cfg      Config
	client   *Client
	namer    pageNamer
	progress *Progress

	// crashAfterUpload, when set by a test, makes Watch stop dead right after an upload
	// succeeded and before the file is filed, as a power cut would.
	crashAfterUpload func(name string) bool
}

// errCrash is what Watch returns when crashAfterUpload asks it to stop dead.
var errCrash = errors.New("simulated crash after an upload")

// New checks cfg and makes a station.
func New(cfg Config) (*Station, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	client, err := NewClient(cfg.Server, cfg.Token, cfg.Ledger, cfg.HTTPClient)
	if err != nil {
		return nil, err
	}
	client.uploadTimeout = cfg.UploadTimeout
	namer, err := newPageNamer(cfg.PagePattern)
	if err != nil {
		return nil, err
	}
	progress := NewProgress(cfg.Status, cfg.Terminal)
	progress.SetLanguage(cfg.Lang)
	return &Station{cfg: cfg, client: client, namer: namer, progress: progress}, nil
}

// Progress is the station's progress, for showing or testing.
func (s *Station) Progress() *Progress { return s.progress }

// Check asks the server for the ledger. A refused token or an unknown ledger is an error that
// names the flag to fix; a server that cannot be reached is returned as is, for the caller to
// decide whether to wait for it.
func (s *Station) Check(ctx context.Context) (LedgerInfo, error) {
	l, err := s.client.Ledger(ctx)
	var ae *APIError
	if errors.As(err, &ae) {
		switch ae.Status {
		case http.StatusUnauthorized, http.StatusForbidden:
			return l, errorf("--token: the server refused the station token (%w); create one with `sohoa token create`",
				"--token: máy chủ từ chối mã trạm (%w); hãy tạo mã bằng `sohoa token create`", ae)
		case http.StatusNotFound:
			return l, errorf("--ledger %d: the server has no such ledger (%w)", "--ledger %d: máy chủ không có sổ này (%w)", s.cfg.Ledger, ae)
		}
	}
	if err == nil {
		s.progress.setLedger(l.Progress.PagesUploaded, l.Progress.PagesExpected)
	}
	return l, err
}

// Watch sends the pages that appear in dir until ctx is done. Stopping (or being killed) at
// any moment is safe: the journal in dir/.sohoa-station lets the next Watch carry on without
// losing a file or numbering one differently.
func (s *Station) Watch(ctx context.Context, dir string) error {
	w, err := s.openWatch(dir)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	wg.Go(func() { s.showProgress(ctx) })
	defer func() {
		cancel()
		wg.Wait()
		s.progress.Done()
	}()
	s.progress.Eventf("watching %s for ledger %d (pages by %s)", w.dir, s.cfg.Ledger, s.cfg.PageOrder)

	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-timer.C:
		}
		now := time.Now()
		w.scan(now)
		for {
			name, ok := w.next(time.Now())
			if !ok || ctx.Err() != nil {
				break
			}
			if err := w.send(ctx, name); err != nil {
				if errors.Is(err, errCrash) {
					return err
				}
				return nil // ctx is done: the journal says the upload is in flight
			}
			w.scan(time.Now()) // notice new and vanished files between uploads
		}
		timer.Reset(w.wait(time.Now()))
	}
}

// openWatch prepares dir: its sent/, rejected/ and journal.
func (s *Station) openWatch(dir string) (*watch, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, errorf("watch %s: %w", "theo dõi %s: %w", dir, err)
	}
	info, err := os.Stat(abs)
	if err != nil {
		return nil, errorf("watch: %w", "theo dõi: %w", err)
	}
	if !info.IsDir() {
		return nil, errorf("watch: %s is not a folder", "theo dõi: %s không phải thư mục", abs)
	}
	w := &watch{s: s, dir: abs, sentDir: filepath.Join(abs, "sent"), rejectedDir: filepath.Join(abs, "rejected"),
		files: map[string]*watched{}}
	state := filepath.Join(abs, ".sohoa-station")
	for _, d := range []string{w.sentDir, w.rejectedDir, state} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, errorf("watch: %w", "theo dõi: %w", err)
		}
	}
	w.journal, err = OpenJournal(filepath.Join(state, fmt.Sprintf("journal-ledger-%d.json", s.cfg.Ledger)), s.cfg.Ledger)
	if err != nil {
		return nil, err
	}
	return w, nil
}

// showProgress keeps the status line and the ledger's figures fresh until ctx is done.
func (s *Station) showProgress(ctx context.Context) {
	every := s.cfg.StatusEvery
	if s.cfg.Terminal {
		every = time.Second
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	fetch := time.NewTimer(0)
	defer fetch.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			s.progress.Tick()
		case <-fetch.C:
			if l, err := s.client.Ledger(ctx); err == nil {
				s.progress.setLedger(l.Progress.PagesUploaded, l.Progress.PagesExpected)
			}
			fetch.Reset(s.cfg.LedgerEvery)
		}
	}
}
