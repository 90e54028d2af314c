package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sohoa/sohoa/internal/devsvc"
	"github.com/sohoa/sohoa/station"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader in two goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// TestReadmeFirstHour walks the README's "Your first hour" as a newcomer does: `sohoa up` with
// its own services, a ledger made in the browser by the demo supervisor (commune picked by
// name), `sohoa token create` finding `sohoa up` through DATA_DIR/env, and a synthetic page sent
// by the station client; the page is then stored for that ledger. The README must show these
// very commands.
func TestReadmeFirstHour(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"./scripts/run.sh", "bin/sohoa token create --station \"Phường Gia Sàng, máy 1\" --commune 05461",
		"bin/sohoa synth --out /tmp/trang --pages 1 --seed 3", "bin/sohoa-station upload --server http://127.0.0.1:8080 --ledger 4 /tmp/trang/page-0001.png",
		"export SOHOA_STATION_TOKEN=sst_", "go build -o bin/sohoa-station ./cmd/sohoa-station", ".sohoa/env", "Thêm sổ"} {
		if !strings.Contains(string(readme), cmd) {
			t.Errorf("README's first hour lacks %q", cmd)
		}
	}
	if _, err := devsvc.PostgresBinDir(); err != nil {
		needService(t, err)
	}
	if _, err := devsvc.MinIOBinary(); err != nil {
		needService(t, err)
	}
	for _, k := range []string{"SOHOA_DATABASE_URL", "SOHOA_S3_ENDPOINT", "SOHOA_S3_ACCESS_KEY", "SOHOA_S3_SECRET_KEY"} {
		t.Setenv(k, "") // a newcomer has none of these: `up` starts its own
	}
	dir, err := os.MkdirTemp("", "sohoa-first-hour-")
	if err != nil {
		t.Fatal(err)
	}
	_ = os.Chmod(dir, 0o755)
	t.Cleanup(func() { os.RemoveAll(dir) })
	data := filepath.Join(dir, "data")

	// 1. sohoa up (what scripts/run.sh runs), without OCR workers: the page only has to arrive.
	ctx, cancel := context.WithCancel(context.Background())
	var out syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- runUp(ctx, []string{"--data-dir", data, "--listen", "127.0.0.1:0", "--workers", "0", "--log-level", "warn"}, &out, io.Discard)
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("sohoa up: %v", err)
		}
	})
	base := waitForUp(t, &out, done)
	if !strings.Contains(out.String(), filepath.Join(data, "env")) {
		t.Errorf("sohoa up did not say where its settings are: %q", out.String())
	}

	// 2. The supervisor makes a ledger in the browser.
	password, err := os.ReadFile(filepath.Join(data, "demo-password.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ledger := makeLedger(t, base, strings.TrimSpace(string(password)))

	// 3. A station token, found through DATA_DIR/env.
	var token bytes.Buffer
	if err := runToken(ctx, []string{"create", "--station", "Phường Gia Sàng, máy 1", "--commune", "05461", "--data-dir", data}, &token, io.Discard); err != nil {
		t.Fatalf("sohoa token create: %v", err)
	}
	if !strings.HasPrefix(token.String(), "sst_") {
		t.Fatalf("token create printed %q", token.String())
	}

	// 4. A synthetic page, sent by the station client.
	pages := filepath.Join(dir, "trang")
	if err := runSynth(ctx, []string{"--out", pages, "--pages", "1", "--seed", "3"}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(pages, "page-0001.png")
	if _, err := os.Stat(page); err != nil {
		t.Fatalf("the README sends %s: %v", page, err)
	}
	st, err := station.New(station.Config{Server: base, Token: strings.TrimSpace(token.String()), Ledger: ledger, Lang: station.Vietnamese})
	if err != nil {
		t.Fatal(err)
	}
	results, err := st.UploadFiles(ctx, []string{page})
	if err != nil || len(results) != 1 || results[0].Err != nil || results[0].Receipt.ID == 0 {
		t.Fatalf("upload: got %+v, %v; want the page stored", results, err)
	}
	info, err := st.Check(ctx)
	if err != nil || info.Progress.PagesUploaded != 1 {
		t.Errorf("ledger %d after the upload: got %+v (%v), want 1 page uploaded", ledger, info.Progress, err)
	}
}

var upLine = regexp.MustCompile(`sohoa is up: (http://[^/\s]+)/`)

// waitForUp waits for `sohoa up` to print its address (it starts PostgreSQL and MinIO first).
func waitForUp(t *testing.T, out *syncBuffer, done <-chan error) string {
	t.Helper()
	for end := time.Now().Add(3 * time.Minute); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if m := upLine.FindStringSubmatch(out.String()); m != nil {
			return m[1]
		}
		select {
		case err := <-done:
			t.Fatalf("sohoa up ended: %v\n%s", err, out.String())
		default:
		}
	}
	t.Fatalf("sohoa up did not come up: %s", out.String())
	return ""
}

// makeLedger logs in as the demo supervisor and posts the ledger form as the commune picker
// fills it; it returns the new ledger's number from the progress page.
func makeLedger(t *testing.T, base, password string) int64 {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	post := func(path string, form url.Values) string {
		resp, err := c.PostForm(base+path, form)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("POST %s: got %d: %s", path, resp.StatusCode, body)
		}
		return string(body)
	}
	post("/login", url.Values{"username": {"giamsat"}, "password": {password}})
	resp, err := c.Get(base + "/communes?q=" + url.QueryEscape("gia sang"))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	label := "Phường Gia Sàng, Thành phố Thái Nguyên, Tỉnh Thái Nguyên (05461)"
	if !strings.Contains(string(body), label) {
		t.Fatalf("commune search for \"gia sang\": got %s", body)
	}
	page := post("/ledgers", url.Values{"commune": {label}, "commune_code": {"05461"}, "kind": {"khai-sinh"}, "book": {"12"},
		"year_from": {"1978"}, "year_to": {"1982"}, "expected_entries": {"400"}})
	m := regexp.MustCompile(`<td id="ledger-(\d+)">\d+</td><td>Phường Gia Sàng</td><td>Khai sinh</td><td>12</td>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the progress page does not show the new ledger book 12:\n%s", page)
	}
	var id int64
	fmt.Sscan(m[1], &id)
	return id
}
