package station

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/server"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/storage/storagetest"
)

// bundle is a real sohoa API (PostgreSQL + MinIO) behind a gate that can play an outage.
type bundle struct {
	url    string
	token  string
	store  *storage.Store
	ledger int64
	gate   *gate
}

func setup(t *testing.T) bundle {
	t.Helper()
	b := bundle{store: storagetest.Store(t)}
	b.gate = &gate{h: server.New(server.Deps{Logger: storagetest.Logger(t), Store: b.store, Objects: storagetest.Objects(t)})}
	srv := httptest.NewServer(b.gate)
	t.Cleanup(srv.Close)
	b.url = srv.URL
	token, hash := auth.NewStationToken()
	if err := b.store.CreateStationToken(context.Background(), "test station", hash, "05461"); err != nil {
		t.Fatal(err)
	}
	b.token = token
	l := domain.Ledger{CommuneCode: "05461", Kind: "khai-sinh", Book: "01", YearFrom: 1990, YearTo: 1995, ExpectedPages: 40}
	if err := b.store.CreateLedger(context.Background(), &l); err != nil {
		t.Fatal(err)
	}
	b.ledger = l.ID
	return b
}

// The gate's modes.
const (
	gateOpen      int32 = iota
	gateBusy            // 503 with Retry-After, as when MinIO is down
	gateDrop            // the connection is closed before the request is handled
	gateLoseReply       // the request is handled, then the connection is closed before the answer
)

// gate passes requests to the real handler or plays an outage; it counts the uploads it saw.
type gate struct {
	h       http.Handler
	mode    atomic.Int32
	uploads atomic.Int64 // POSTs that reached the gate
	refused [4]atomic.Int64
}

func (g *gate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost {
		g.uploads.Add(1)
	}
	mode := g.mode.Load()
	if r.Method == http.MethodGet && mode != gateOpen {
		mode = gateBusy
	}
	g.refused[mode].Add(1)
	switch mode {
	case gateBusy:
		w.Header().Set("Retry-After", "1")
		http.Error(w, `{"error":"a service sohoa depends on is unavailable; try again shortly"}`, http.StatusServiceUnavailable)
		return
	case gateLoseReply:
		g.h.ServeHTTP(httptest.NewRecorder(), r)
		fallthrough
	case gateDrop:
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close()
		}
		return
	}
	g.h.ServeHTTP(w, r)
}

// quick makes a fast station for tests; change cfg with opts.
func (b bundle) station(t *testing.T, opts ...func(*Config)) *Station {
	t.Helper()
	cfg := Config{Server: b.url, Token: b.token, Ledger: b.ledger, StableFor: 150 * time.Millisecond, Poll: 20 * time.Millisecond,
		Backoff: Backoff{Min: 20 * time.Millisecond, Max: 200 * time.Millisecond}, LedgerEvery: 100 * time.Millisecond,
		StatusEvery: 200 * time.Millisecond, Status: logWriter{t}}
	for _, o := range opts {
		o(&cfg)
	}
	st, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

type logWriter struct{ t *testing.T }

func (w logWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// watching runs st.Watch(dir) until the returned stop is called, which returns Watch's error;
// done is closed when Watch has returned by itself.
func watching(t *testing.T, st *Station, dir string) (stop func() error, done <-chan struct{}) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	finished := make(chan struct{})
	var err error
	go func() { err = st.Watch(ctx, dir); close(finished) }()
	stop = func() error {
		cancel()
		<-finished
		return err
	}
	t.Cleanup(func() { _ = stop() })
	return stop, finished
}

// eventually waits for cond, up to 2 minutes: the deadline catches a hang, not slowness (on a
// busy 2-core machine under -race, six uploads have taken over 20 s).
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// pageJPEG is a small page whose bytes differ with seed.
func pageJPEG(t *testing.T, seed int) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 300, 420))
	for i := range img.Pix {
		img.Pix[i] = 235
	}
	for x := 10; x < 290; x++ {
		img.SetGray(x, 20+seed%300, color.Gray{Y: 20})
		img.SetGray(x, 21+seed/300%300, color.Gray{Y: 40})
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sum(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

func write(t *testing.T, path string, data []byte, mod time.Time) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if !mod.IsZero() {
		if err := os.Chtimes(path, mod, mod); err != nil {
			t.Fatal(err)
		}
	}
}

// names lists the files (not folders) in dir, sorted.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() {
			out = append(out, e.Name())
		}
	}
	slices.Sort(out)
	return out
}

// scans reads every scan of the test's database (a fresh one, so ids start at 1).
func (b bundle) scans(t *testing.T) []domain.Scan {
	t.Helper()
	var out []domain.Scan
	for id, misses := int64(1), 0; misses < 30; id++ {
		sc, err := b.store.Scan(context.Background(), id)
		if errors.Is(err, domain.ErrNotFound) {
			misses++
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		misses = 0
		out = append(out, sc)
	}
	return out
}

// checkArrived checks that the server holds exactly one scan for each wanted page, with the
// bytes of that page's file, and nothing else.
func (b bundle) checkArrived(t *testing.T, want map[int][]byte) {
	t.Helper()
	got := map[int][]string{}
	for _, sc := range b.scans(t) {
		if sc.LedgerID != b.ledger {
			t.Errorf("scan %d: got ledger %d, want %d", sc.ID, sc.LedgerID, b.ledger)
		}
		got[sc.Page] = append(got[sc.Page], sc.SHA256)
	}
	for page, data := range want {
		if len(got[page]) != 1 || got[page][0] != sum(data) {
			t.Errorf("page %d: got scans %v, want exactly one with sha256 %s", page, got[page], sum(data))
		}
	}
	for page := range got {
		if _, ok := want[page]; !ok {
			t.Errorf("page %d: got scans %v, want none", page, got[page])
		}
	}
}

func (b bundle) progress(t *testing.T) domain.LedgerProgress {
	t.Helper()
	p, err := b.store.LedgerProgress(context.Background(), b.ledger)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// journalFiles reads the journal's entries straight from disk.
func journalFiles(t *testing.T, dir string, ledger int64) map[string]Entry {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, ".sohoa-station", fmt.Sprintf("journal-ledger-%d.json", ledger)))
	if err != nil {
		t.Fatal(err)
	}
	var j struct{ Files map[string]Entry }
	if err := json.Unmarshal(raw, &j); err != nil {
		t.Fatal(err)
	}
	return j.Files
}
