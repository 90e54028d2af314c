package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/server"
	"github.com/sohoa/sohoa/storage/storagetest"
)

// syncBuffer is a bytes.Buffer safe for the watcher's goroutines.
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

// TestWatchAndUploadCommands runs both commands against the real API, as an operator would.
func TestWatchAndUploadCommands(t *testing.T) {
	t.Parallel()
	store := storagetest.Store(t)
	srv := httptest.NewServer(server.New(server.Deps{Logger: storagetest.Logger(t), Store: store, Objects: storagetest.Objects(t)}))
	t.Cleanup(srv.Close)
	token, hash := auth.NewStationToken()
	ctx := context.Background()
	if err := store.CreateStationToken(ctx, "e2e", hash, "05461"); err != nil {
		t.Fatal(err)
	}
	l := domain.Ledger{CommuneCode: "05461", Kind: "khai-sinh", Book: "02", YearFrom: 1990, YearTo: 1991, ExpectedPages: 12}
	if err := store.CreateLedger(ctx, &l); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"SOHOA_SERVER": srv.URL, "SOHOA_STATION_TOKEN": token}
	getenv := func(k string) string { return env[k] }
	dir := t.TempDir()
	var img bytes.Buffer
	if err := jpeg.Encode(&img, image.NewGray(image.Rect(0, 0, 200, 280)), nil); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "trang-0001.jpg"), img.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	watchCtx, stop := context.WithCancel(ctx)
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(watchCtx, []string{"watch", "--ledger", fmt.Sprint(l.ID), "--stable", "100ms", "--poll", "20ms", dir}, nil, &stderr, getenv, true)
	}()
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, err := os.Stat(filepath.Join(dir, "sent", "trang-0001.jpg")); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not sent; output:\n%s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	out := stderr.String()
	t.Logf("watch output: %q", out)
	// In Vietnamese, the command's default.
	for _, s := range []string{"xã 05461", "đã gửi trang-0001.jpg là trang 1", "\r"} {
		if !strings.Contains(out, s) {
			t.Errorf("watch output lacks %q", s)
		}
	}

	// upload: the same file again is acknowledged (200); a wrong ledger is named.
	var stdout strings.Builder
	sent := filepath.Join(dir, "sent", "trang-0001.jpg")
	if err := run(ctx, []string{"upload", "--ledger", fmt.Sprint(l.ID), sent}, &stdout, &stderr, getenv, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "trang 1\tbản quét 1") {
		t.Errorf("upload printed %q, want the file, page 1 and scan 1", stdout.String())
	}
	err := run(ctx, []string{"upload", "--ledger", "999", sent}, &stdout, &stderr, getenv, false)
	if err == nil || !strings.HasPrefix(err.Error(), "--ledger 999") {
		t.Errorf("got %v, want an error naming --ledger 999", err)
	}
}
