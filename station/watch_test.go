package station

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestHalfWrittenFileIsNotSentEarly(t *testing.T) {
	t.Parallel()
	b := setup(t)
	dir := t.TempDir()
	// --stable is 30 times the writer's pauses, so a writer delayed by a busy machine still looks
	// busy; the writer measures its pauses and says so if one was longer all the same.
	const stable, pause = 3 * time.Second, 100 * time.Millisecond
	stop, _ := watching(t, b.station(t, func(c *Config) { c.StableFor = stable }), dir)

	// Written under a temporary name before the first file is finished: by the time the station
	// has found the first file complete, it has seen the .part file unchanged for longer still,
	// so a station that took .part files would have taken it in the same scan.
	second := pageJPEG(t, 2)
	part := filepath.Join(dir, "trang-0002.jpg.part")
	write(t, part, second, time.Time{})

	// Written in chunks with pauses shorter than --stable, as a slow scanner driver does.
	data := pageJPEG(t, 1)
	f, err := os.Create(filepath.Join(dir, "trang-0001.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	last, longest := time.Now(), time.Duration(0)
	for chunk := range slices.Chunk(data, len(data)/6+1) {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
		longest, last = max(longest, time.Since(last)), time.Now()
		if n := b.gate.uploads.Load(); n != 0 {
			t.Fatalf("got %d uploads while the file was being written (longest pause between writes %s, --stable %s), want none", n, longest, stable)
		}
		time.Sleep(pause) // the scanner driver's pause, not a wait for the station
	}
	f.Close()

	eventually(t, "trang-0001.jpg is in sent/", func() bool { return len(names(t, filepath.Join(dir, "sent"))) >= 1 })
	if got := names(t, filepath.Join(dir, "sent")); !slices.Equal(got, []string{"trang-0001.jpg"}) {
		t.Fatalf("before the rename: got sent %v, want only trang-0001.jpg", got)
	}
	if err := os.Rename(part, filepath.Join(dir, "trang-0002.jpg")); err != nil {
		t.Fatal(err)
	}
	eventually(t, "both files are in sent/", func() bool { return len(names(t, filepath.Join(dir, "sent"))) == 2 })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if got := names(t, filepath.Join(dir, "sent")); !slices.Equal(got, []string{"trang-0001.jpg", "trang-0002.jpg"}) {
		t.Errorf("got sent %v, want trang-0001.jpg and trang-0002.jpg (never the .part file)", got)
	}
	if n := b.gate.uploads.Load(); n != 2 {
		t.Errorf("got %d uploads, want 2 (one per complete file)", n)
	}
	b.checkArrived(t, map[int][]byte{1: data, 2: second})
}

func TestServerAwayThenBack(t *testing.T) {
	t.Parallel()
	b := setup(t)
	dir := t.TempDir()
	want := map[int][]byte{}
	for page := 1; page <= 6; page++ {
		want[page] = pageJPEG(t, page)
		write(t, filepath.Join(dir, fmt.Sprintf("trang-%04d.jpg", page)), want[page], time.Time{})
	}
	b.gate.mode.Store(gateBusy)
	st := b.station(t)
	stop, _ := watching(t, st, dir)

	// 503s, then dropped connections, then answers lost after the server stored the page: the
	// station must wait, retry, and end with each page stored once.
	for _, mode := range []int32{gateBusy, gateDrop, gateLoseReply} {
		b.gate.mode.Store(mode)
		seen := b.gate.refused[mode].Load()
		eventually(t, fmt.Sprintf("the station met gate mode %d twice", mode), func() bool { return b.gate.refused[mode].Load() >= seen+2 })
	}
	if got := names(t, filepath.Join(dir, "sent")); len(got) != 0 { // not even the pages whose answer was lost
		t.Fatalf("got %v in sent/ while the server was away", got)
	}
	b.gate.mode.Store(gateOpen)
	eventually(t, "all six files are in sent/", func() bool { return len(names(t, filepath.Join(dir, "sent"))) == 6 })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	for _, mode := range []int32{gateBusy, gateDrop, gateLoseReply} {
		if b.gate.refused[mode].Load() == 0 {
			t.Errorf("mode %d was never hit; the test proves less than it claims", mode)
		}
	}
	if got := names(t, filepath.Join(dir, "rejected")); len(got) != 0 {
		t.Errorf("got rejected %v, want none", got)
	}
	if got := names(t, dir); len(got) != 0 {
		t.Errorf("got %v left in the folder, want none", got)
	}
	b.checkArrived(t, want)
	if sent, _ := st.Progress().Counts(); sent != 6 {
		t.Errorf("got %d counted as sent, want 6", sent)
	}
}

func TestRestartMidBatchKeepsPagesAndSendsOnce(t *testing.T) {
	t.Parallel()
	b := setup(t)
	dir := t.TempDir()
	// In scan order; the names sort differently from the scan times on purpose.
	want := map[int][]byte{}
	base := time.Now().Add(-time.Hour)
	for i := range 8 {
		want[i+1] = pageJPEG(t, 100+i)
		write(t, filepath.Join(dir, fmt.Sprintf("scan-%c.jpg", 'h'-i)), want[i+1], base.Add(time.Duration(i)*time.Minute))
	}
	scanOrder := func(c *Config) { c.PageOrder = OrderScan }

	// First run: a crash right after the third upload, before it is filed.
	first := b.station(t, scanOrder)
	uploads := 0
	first.crashAfterUpload = func(string) bool { uploads++; return uploads == 3 }
	stop, done := watching(t, first, dir)
	select {
	case <-done:
		if err := stop(); !errors.Is(err, errCrash) {
			t.Fatalf("got %v, want the simulated crash", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the first run did not crash")
	}
	if got := len(names(t, filepath.Join(dir, "sent"))); got != 2 {
		t.Fatalf("after the crash: got %d files in sent/, want 2", got)
	}

	// Second run: stopped (as by Ctrl-C) in the middle of the batch.
	second := b.station(t, scanOrder)
	stop, _ = watching(t, second, dir)
	eventually(t, "five files are in sent/", func() bool { return len(names(t, filepath.Join(dir, "sent"))) >= 5 })
	if err := stop(); err != nil {
		t.Fatal(err)
	}

	// Third run finishes; two pages scanned after the restart continue the numbering.
	for i := 8; i < 10; i++ {
		want[i+1] = pageJPEG(t, 100+i)
		write(t, filepath.Join(dir, fmt.Sprintf("scan-%c.jpg", 'z'-i)), want[i+1], base.Add(time.Duration(i)*time.Minute))
	}
	third := b.station(t, scanOrder)
	stop, _ = watching(t, third, dir)
	eventually(t, "all ten files are in sent/", func() bool { return len(names(t, filepath.Join(dir, "sent"))) == 10 })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	b.checkArrived(t, want)
	if files := journalFiles(t, dir, b.ledger); len(files) != 0 {
		t.Errorf("got journal entries %v after everything was filed, want none", files)
	}
	if p := b.progress(t); p.PagesUploaded != 10 {
		t.Errorf("got %d pages uploaded, want 10", p.PagesUploaded)
	}
}

func TestBadFileIsRejectedAndOthersSent(t *testing.T) {
	t.Parallel()
	b := setup(t)
	dir := t.TempDir()
	for _, d := range []string{"sent", "rejected"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// Earlier files of the same names must not be overwritten.
	write(t, filepath.Join(dir, "sent", "page-0001.jpg"), []byte("earlier"), time.Time{})
	write(t, filepath.Join(dir, "rejected", "page-0003.jpg"), []byte("earlier"), time.Time{})
	want := map[int][]byte{1: pageJPEG(t, 1), 2: pageJPEG(t, 2), 4: pageJPEG(t, 4)}
	for page, data := range want {
		write(t, filepath.Join(dir, fmt.Sprintf("page-%04d.jpg", page)), data, time.Time{})
	}
	write(t, filepath.Join(dir, "page-0003.jpg"), []byte("Họ và tên: Nguyễn Văn A\n"), time.Time{})
	write(t, filepath.Join(dir, "ghi-chu.jpg"), pageJPEG(t, 9), time.Time{}) // no page number
	write(t, filepath.Join(dir, "Thumbs.db"), []byte("windows"), time.Time{})

	st := b.station(t)
	stop, _ := watching(t, st, dir)
	eventually(t, "the folder holds only Thumbs.db", func() bool { return slices.Equal(names(t, dir), []string{"Thumbs.db"}) })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if got, want := names(t, filepath.Join(dir, "sent")), []string{"page-0001 (2).jpg", "page-0001.jpg", "page-0002.jpg", "page-0004.jpg"}; !slices.Equal(got, want) {
		t.Errorf("sent/: got %q, want %q", got, want)
	}
	wantRejected := []string{"ghi-chu.jpg", "ghi-chu.jpg.reason.txt", "page-0003 (2).jpg", "page-0003 (2).jpg.reason.txt", "page-0003.jpg"}
	if got := names(t, filepath.Join(dir, "rejected")); !slices.Equal(got, wantRejected) {
		t.Errorf("rejected/: got %q, want %q", got, wantRejected)
	}
	reason, err := os.ReadFile(filepath.Join(dir, "rejected", "page-0003 (2).jpg.reason.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"415", "Chỉ gửi ảnh JPEG", "Send JPEG", "Máy chủ / Server: ", "Trang / Page: 3"} {
		if !strings.Contains(string(reason), s) {
			t.Errorf("reason file lacks %q:\n%s", s, reason)
		}
	}
	if raw, _ := os.ReadFile(filepath.Join(dir, "rejected", "ghi-chu.jpg.reason.txt")); !strings.Contains(string(raw), "no page number") {
		t.Errorf("got reason %q, want one saying the name has no page number", raw)
	}
	if raw, _ := os.ReadFile(filepath.Join(dir, "sent", "page-0001.jpg")); string(raw) != "earlier" {
		t.Error("an earlier file in sent/ was overwritten")
	}
	b.checkArrived(t, want)
	if sent, rejected := st.Progress().Counts(); sent != 3 || rejected != 2 {
		t.Errorf("got %d sent and %d rejected, want 3 and 2", sent, rejected)
	}
}

func TestPageNumbers(t *testing.T) {
	t.Parallel()
	b := setup(t)
	t.Run("from names", func(t *testing.T) {
		dir := t.TempDir()
		files := map[string]int{"trang-0012.jpg": 12, "so-2 trang 7 (2).jpg": 7, "p_0030.jpeg": 30}
		want := map[int][]byte{}
		for name, page := range files {
			want[page] = pageJPEG(t, page)
			write(t, filepath.Join(dir, name), want[page], time.Time{})
		}
		stop, _ := watching(t, b.station(t), dir)
		eventually(t, "all are sent", func() bool { return len(names(t, filepath.Join(dir, "sent"))) == 3 })
		if err := stop(); err != nil {
			t.Fatal(err)
		}
		b.checkArrived(t, want)
	})
	t.Run("custom pattern and scan order", func(t *testing.T) {
		// A second ledger keeps the pages of this subtest apart.
		b := setup(t)
		dir := t.TempDir()
		base := time.Now().Add(-time.Hour)
		// Scanned c, a, b: pages 5, 6, 7 from --first-page 5.
		order := []string{"IMG_20250101_0003.jpg", "IMG_20250101_0001.jpg", "IMG_20250101_0002.jpg"}
		want := map[int][]byte{}
		for i, name := range order {
			want[5+i] = pageJPEG(t, 50+i)
			write(t, filepath.Join(dir, name), want[5+i], base.Add(time.Duration(i)*time.Second))
		}
		stop, _ := watching(t, b.station(t, func(c *Config) { c.PageOrder, c.FirstPage = OrderScan, 5 }), dir)
		eventually(t, "all are sent", func() bool { return len(names(t, filepath.Join(dir, "sent"))) == 3 })
		if err := stop(); err != nil {
			t.Fatal(err)
		}
		b.checkArrived(t, want)

		// By name with a pattern: a name it does not match is refused; a restart in another
		// order does not renumber the pages already sent.
		write(t, filepath.Join(dir, "IMG_20250101_0004.jpg"), pageJPEG(t, 60), time.Time{})
		write(t, filepath.Join(dir, "so1_p0009_v2.jpg"), pageJPEG(t, 61), time.Time{})
		want[9] = pageJPEG(t, 61)
		stop, _ = watching(t, b.station(t, func(c *Config) { c.PagePattern = `_p(\d+)`; c.PageOrder = OrderName }), dir)
		eventually(t, "the folder is empty", func() bool { return len(names(t, dir)) == 0 })
		if err := stop(); err != nil {
			t.Fatal(err)
		}
		if got := names(t, filepath.Join(dir, "rejected")); !slices.Contains(got, "IMG_20250101_0004.jpg") {
			t.Errorf("rejected/: got %v, want the file the pattern does not match", got)
		}
		b.checkArrived(t, want)
	})
}

func TestRefusedTokenPausesInsteadOfRejecting(t *testing.T) {
	t.Parallel()
	b := setup(t)
	dir := t.TempDir()
	write(t, filepath.Join(dir, "trang-0001.jpg"), pageJPEG(t, 1), time.Time{})
	st := b.station(t, func(c *Config) { c.Token = "sst_revoked" })
	if _, err := st.Check(context.Background()); err == nil || !strings.HasPrefix(err.Error(), "--token") {
		t.Fatalf("Check: got %v, want an error naming --token", err)
	}
	stop, _ := watching(t, st, dir)
	eventually(t, "the station says it is paused", func() bool { return strings.Contains(st.Progress().Line(), "PAUSED") })
	time.Sleep(300 * time.Millisecond)
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"trang-0001.jpg"}) {
		t.Errorf("got %v in the folder, want the file left waiting", got)
	}
	if got := names(t, filepath.Join(dir, "rejected")); len(got) != 0 {
		t.Errorf("got rejected %v, want none", got)
	}
}
