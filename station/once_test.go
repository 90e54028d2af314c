package station

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestUploadFilesOnce(t *testing.T) {
	t.Parallel()
	b := setup(t)
	dir := t.TempDir()
	want := map[int][]byte{2: pageJPEG(t, 2), 3: pageJPEG(t, 3)}
	paths := []string{filepath.Join(dir, "trang-0003.jpg"), filepath.Join(dir, "trang-0002.jpg"), filepath.Join(dir, "trang-0004.jpg"), filepath.Join(dir, "bia.jpg")}
	write(t, paths[0], want[3], time.Time{})
	write(t, paths[1], want[2], time.Time{})
	write(t, paths[2], []byte("not an image"), time.Time{})
	write(t, paths[3], pageJPEG(t, 9), time.Time{})

	b.gate.mode.Store(gateBusy) // away at first
	go func() {
		time.Sleep(300 * time.Millisecond)
		b.gate.mode.Store(gateOpen)
	}()
	results, err := b.station(t).UploadFiles(context.Background(), paths)
	if err != nil {
		t.Fatal(err)
	}
	for i, wantPage := range []int{3, 2, 4, 0} {
		r := results[i]
		if r.Path != paths[i] || (wantPage != 0 && r.Page != wantPage) {
			t.Errorf("result %d: got %s page %d, want %s page %d", i, r.Path, r.Page, paths[i], wantPage)
		}
		if sent := r.Err == nil; sent != (i < 2) {
			t.Errorf("%s: got error %v, want sent=%v", r.Path, r.Err, i < 2)
		}
	}
	if !strings.Contains(results[2].Err.Error(), "415") {
		t.Errorf("got %v, want the server's 415", results[2].Err)
	}
	if b.gate.refused[gateBusy].Load() == 0 {
		t.Error("the server was never away; the retry is not tested")
	}
	b.checkArrived(t, want)
	if got := names(t, dir); len(got) != 4 {
		t.Errorf("got %v, want the files left where they were", got)
	}

	// In scan order from --first-page, by time: the same bytes again are acknowledged with 200.
	old := time.Now().Add(-time.Hour)
	write(t, paths[1], want[2], old)
	write(t, paths[0], want[3], old.Add(time.Second))
	results, err = b.station(t, func(c *Config) { c.PageOrder, c.FirstPage = OrderScan, 2 }).UploadFiles(context.Background(), paths[:2])
	if err != nil {
		t.Fatal(err)
	}
	if results[0].Path != paths[1] || results[0].Page != 2 || results[0].Receipt.HTTPStatus != 200 || results[1].Page != 3 {
		t.Errorf("got %+v, want trang-0002 then trang-0003 as pages 2 and 3, already on the server", results)
	}
	b.checkArrived(t, want)
}

func TestUploadFilesStopsOnRefusedToken(t *testing.T) {
	t.Parallel()
	b := setup(t)
	path := filepath.Join(t.TempDir(), "trang-0001.jpg")
	write(t, path, pageJPEG(t, 1), time.Time{})
	_, err := b.station(t, func(c *Config) { c.Token = "sst_wrong" }).UploadFiles(context.Background(), []string{path, path})
	if err == nil || !strings.HasPrefix(err.Error(), "--token") {
		t.Fatalf("got %v, want an error naming --token", err)
	}
	if n := b.gate.uploads.Load(); n != 1 {
		t.Errorf("got %d uploads, want 1 before stopping", n)
	}
}

// TestResumesFilingWithoutResending: a crash after the outcome was journaled but before the
// file was moved is finished from the journal alone.
func TestResumesFilingWithoutResending(t *testing.T) {
	t.Parallel()
	var posts atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			posts.Add(1)
		}
		http.Error(w, `{"error":"down"}`, http.StatusInternalServerError)
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, ".sohoa-station"), 0o755); err != nil {
		t.Fatal(err)
	}
	j, err := OpenJournal(filepath.Join(dir, ".sohoa-station", "journal-ledger-3.json"), 3)
	if err != nil {
		t.Fatal(err)
	}
	entries := map[string]Entry{}
	for name, e := range map[string]Entry{
		"trang-0001.jpg": {Page: 1, State: StateSent, Status: 201},
		"trang-0002.jpg": {Page: 2, State: StateRejected, Status: 415, Message: "not a PNG, JPEG, TIFF or PDF file"},
	} {
		write(t, filepath.Join(dir, name), []byte(name), time.Time{})
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		e.Size, e.ModTime = info.Size(), info.ModTime()
		entries[name] = e
	}
	if err := j.PutAll(entries); err != nil {
		t.Fatal(err)
	}
	st, err := New(Config{Server: srv.URL, Token: "t", Ledger: 3, StableFor: 50 * time.Millisecond, Poll: 10 * time.Millisecond, Status: logWriter{t}})
	if err != nil {
		t.Fatal(err)
	}
	stop, _ := watching(t, st, dir)
	eventually(t, "both files are filed", func() bool { return len(names(t, dir)) == 0 })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if got := names(t, filepath.Join(dir, "sent")); !slices.Equal(got, []string{"trang-0001.jpg"}) {
		t.Errorf("sent/: got %v, want trang-0001.jpg", got)
	}
	if got := names(t, filepath.Join(dir, "rejected")); !slices.Equal(got, []string{"trang-0002.jpg", "trang-0002.jpg.reason.txt"}) {
		t.Errorf("rejected/: got %v, want trang-0002.jpg and its reason", got)
	}
	if n := posts.Load(); n != 0 {
		t.Errorf("got %d uploads, want none", n)
	}
	if files := journalFiles(t, dir, 3); len(files) != 0 {
		t.Errorf("got journal entries %v, want none", files)
	}
}
