package station

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestBackoffDelay(t *testing.T) {
	t.Parallel()
	b := Backoff{Min: time.Second, Max: time.Minute}
	tests := []struct {
		n        int
		r        float64
		want     time.Duration
		describe string
	}{
		{1, 0, 500 * time.Millisecond, "first failure, least jitter: half of Min"},
		{1, 0.999999, time.Second - time.Microsecond/2, "first failure, most jitter: just under Min"},
		{2, 0, time.Second, "doubles"},
		{4, 0, 4 * time.Second, "doubles again"},
		{7, 0, 30 * time.Second, "capped at Max"},
		{50, 0.5, 45 * time.Second, "no overflow far past the cap"},
	}
	for _, tc := range tests {
		t.Run(tc.describe, func(t *testing.T) {
			if got := b.Delay(tc.n, tc.r); got.Round(time.Microsecond) != tc.want.Round(time.Microsecond) {
				t.Fatalf("Delay(%d, %v): got %s, want %s", tc.n, tc.r, got, tc.want)
			}
		})
	}
	for n := 1; n < 20; n++ {
		for _, r := range []float64{0, 0.3, 0.99} {
			if d := b.Delay(n, r); d < b.Min/2 || d > b.Max {
				t.Errorf("Delay(%d, %v) = %s, outside [Min/2, Max]", n, r, d)
			}
		}
	}
}

func TestRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		header string
		want   time.Duration
	}{
		{"", 0},
		{"5", 5 * time.Second},
		{"soon", 0},
		{"-3", 0},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{now.Add(-time.Minute).Format(http.TimeFormat), 0},
	}
	for _, tc := range tests {
		if got := retryAfter(tc.header, now); got != tc.want {
			t.Errorf("retryAfter(%q): got %s, want %s", tc.header, got, tc.want)
		}
	}
}

func TestPageFromName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pattern, name string
		want          int // 0: an error
	}{
		{"", "trang-0012.jpg", 12},
		{"", "0007.tif", 7},
		{"", "so 2 - trang 45.png", 45},
		{"", "trang-0012 (2).jpg", 12},
		{"", "trang-0012 - Copy.jpg", 12},
		{"", "trang-0012 - Copy (3).jpg", 12},
		{"", "scan2025.pdf", 2025},
		{"", "bia-so.jpg", 0},
		{"", "trang-0000.jpg", 0},
		{"", "trang-9999999.jpg", 0},
		{`^IMG_\d{8}_(\d{4})`, "IMG_20250101_0031.jpg", 31},
		{`^IMG_\d{8}_(\d{4})`, "trang-0031.jpg", 0},
		{`p\d+`, "p12.jpg", 0}, // the whole match "p12" is no number
		{`\d+`, "12-13.jpg", 12},
	}
	for _, tc := range tests {
		t.Run(tc.pattern+" "+tc.name, func(t *testing.T) {
			n, err := newPageNamer(tc.pattern)
			if err != nil {
				t.Fatal(err)
			}
			got, err := n.page(tc.name)
			if tc.want == 0 {
				if err == nil {
					t.Fatalf("got page %d, want an error", got)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %d (%v), want %d", got, err, tc.want)
			}
		})
	}
	if _, err := newPageNamer("(["); err == nil || !strings.HasPrefix(err.Error(), "--page-pattern") {
		t.Errorf("bad pattern: got %v, want an error naming --page-pattern", err)
	}
}

func TestIgnoredNames(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{
		"trang-0001.jpg": false, "trang-0001.JPG": false, "trang-0001.jpg.part": true, "scan.TMP": true,
		"~trang-0001.jpg": true, ".trang-0001.jpg": true, "Thumbs.db": true, "desktop.ini": true,
		"x.crdownload": true, "trang-0001.jpg.reason.txt": true, "ghi-chu.txt": false,
	} {
		if got := ignored(name); got != want {
			t.Errorf("ignored(%q): got %v, want %v", name, got, want)
		}
	}
}

func TestFreeName(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for i, want := range []string{"trang-0003.jpg", "trang-0003 (2).jpg", "trang-0003 (3).jpg"} {
		got, err := freeName(dir, "trang-0003.jpg")
		if err != nil || filepath.Base(got) != want {
			t.Fatalf("round %d: got %q (%v), want %q", i, got, err, want)
		}
		if err := os.WriteFile(got, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A leftover reason file also takes the name.
	if err := os.WriteFile(filepath.Join(dir, "a.png"+reasonSuffix), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := freeName(dir, "a.png"); filepath.Base(got) != "a (2).png" {
		t.Errorf("got %q, want a (2).png", got)
	}
}

func TestJournal(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "journal.json")
	j, err := OpenJournal(path, 7)
	if err != nil {
		t.Fatal(err)
	}
	if j.LastPage() != 0 || len(j.Names()) != 0 {
		t.Fatalf("new journal: got last page %d and %v, want empty", j.LastPage(), j.Names())
	}
	mod := time.Date(2025, 3, 1, 8, 0, 0, 123456789, time.Local)
	if err := j.PutAll(map[string]Entry{
		"a.jpg": {Page: 3, Size: 10, ModTime: mod, State: StateAssigned},
		"b.jpg": {Page: 4, Size: 20, ModTime: mod, State: StateSending},
	}); err != nil {
		t.Fatal(err)
	}
	if err := j.Put("c.jpg", Entry{Page: 2, State: StateRejected, Status: 415, Message: "không phải ảnh"}); err != nil {
		t.Fatal(err)
	}
	if err := j.Forget("b.jpg"); err != nil {
		t.Fatal(err)
	}

	again, err := OpenJournal(path, 7)
	if err != nil {
		t.Fatal(err)
	}
	if again.LastPage() != 4 {
		t.Errorf("got last page %d, want 4 (kept after b.jpg is forgotten)", again.LastPage())
	}
	if e, ok := again.Get("a.jpg"); !ok || e.Page != 3 || !e.same(10, mod) || e.State != StateAssigned {
		t.Errorf("a.jpg: got %+v %v, want page 3, size 10, the same time, assigned", e, ok)
	}
	if e, _ := again.Get("c.jpg"); e.Status != 415 || e.Message != "không phải ảnh" {
		t.Errorf("c.jpg: got %+v, want the rejection kept", e)
	}
	if _, ok := again.Get("b.jpg"); ok {
		t.Error("b.jpg: forgotten, but still there")
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, "*.tmp")); len(leftovers) != 0 {
		t.Errorf("got temporary files %v left behind", leftovers)
	}

	if _, err := OpenJournal(path, 8); err == nil {
		t.Error("opened ledger 7's journal for ledger 8")
	}
	if err := os.WriteFile(path, []byte(`{"version":1,"ledger":7,"files":{`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenJournal(path, 7); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("damaged journal: got %v, want an error saying so", err)
	}
}

func TestJournalKeepsMemoryAndDiskEqualWhenSavingFails(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	j, err := OpenJournal(filepath.Join(dir, "state", "journal.json"), 1) // its folder is missing
	if err != nil {
		t.Fatal(err)
	}
	if err := j.Put("a.jpg", Entry{Page: 9}); err == nil {
		t.Fatal("saving into a missing folder succeeded")
	}
	if _, ok := j.Get("a.jpg"); ok || j.LastPage() != 0 {
		t.Errorf("got the unsaved assignment in memory (last page %d), want none", j.LastPage())
	}
}

func TestJudge(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  error
		want verdict
	}{
		{nil, verdictDone},
		{errors.New("dial tcp: connection refused"), verdictRetry},
		{fmt.Errorf("upload: %w", &FileError{Path: "x", Err: os.ErrPermission}), verdictLocal},
		{&APIError{Status: 401}, verdictPause},
		{&APIError{Status: 403}, verdictPause},
		{&APIError{Status: 404}, verdictReject},
		{&APIError{Status: 413}, verdictReject},
		{&APIError{Status: 415}, verdictReject},
		{fmt.Errorf("upload: %w", &APIError{Status: 422}), verdictReject},
		{&APIError{Status: 429}, verdictRetry},
		{&APIError{Status: 500}, verdictRetry},
		{&APIError{Status: 502}, verdictRetry},
		{&APIError{Status: 503, RetryAfter: 5 * time.Second}, verdictRetry},
	}
	for _, tc := range tests {
		if got := judge(tc.err); got != tc.want {
			t.Errorf("judge(%v): got %d, want %d", tc.err, got, tc.want)
		}
	}
}

func TestValidateNamesTheFlag(t *testing.T) {
	t.Parallel()
	good := Config{Server: "http://localhost:8080", Token: "sst_x", Ledger: 1}
	if err := good.Validate(); err != nil {
		t.Fatalf("good config: %v", err)
	}
	tests := []struct {
		flag   string
		change func(*Config)
	}{
		{"--server", func(c *Config) { c.Server = "" }},
		{"--server", func(c *Config) { c.Server = "localhost:8080" }},
		{"--token", func(c *Config) { c.Token = "" }},
		{"--ledger", func(c *Config) { c.Ledger = 0 }},
		{"--page-order", func(c *Config) { c.PageOrder = "mtime" }},
		{"--page-pattern", func(c *Config) { c.PagePattern = "(" }},
		{"--first-page", func(c *Config) { c.FirstPage = -1 }},
		{"--stable", func(c *Config) { c.StableFor = -time.Second }},
		{"--retry-min", func(c *Config) { c.Backoff = Backoff{Min: time.Minute, Max: time.Second} }},
	}
	for _, tc := range tests {
		c := good
		tc.change(&c)
		err := c.Validate()
		if err == nil || !strings.HasPrefix(err.Error(), tc.flag) || strings.Contains(err.Error(), "\n") {
			t.Errorf("got %v, want one line starting with %s", err, tc.flag)
		}
	}
}

func TestProgressLine(t *testing.T) {
	t.Parallel()
	var out strings.Builder
	p := NewProgress(&out, false)
	p.setWaiting(3)
	p.setSending("trang-0002.jpg")
	p.addSent(3_000_000, 2*time.Second)
	p.addRejected()
	p.setLedger(41, 400)
	line := p.Line()
	for _, s := range []string{"waiting 3", "sending trang-0002.jpg", "sent 1", "rejected 1", "files/min", "1.50 MB/s", "ledger 41/400 pages"} {
		if !strings.Contains(line, s) {
			t.Errorf("got %q, want it to contain %q", line, s)
		}
	}
	p.Tick()
	p.Tick() // unchanged: not printed again
	p.Eventf("sent %s", "x")
	if got := strings.Count(out.String(), "\n"); got != 2 || strings.Contains(out.String(), "\r") {
		t.Errorf("plain output: got %q, want two lines and no redrawing", out.String())
	}

	var term strings.Builder
	tp := NewProgress(&term, true)
	tp.setWaiting(1)
	tp.Eventf("hello")
	tp.Done()
	if !strings.Contains(term.String(), "\r") || !strings.HasSuffix(term.String(), "\n") {
		t.Errorf("terminal output: got %q, want a redrawn line ended by Done", term.String())
	}
}

// The status line and events in Vietnamese, as the sohoa-station command shows them.
func TestProgressInVietnamese(t *testing.T) {
	var out strings.Builder
	p := NewProgress(&out, false)
	p.SetLanguage(Vietnamese)
	p.setWaiting(2)
	p.setLedger(41, 400)
	p.Eventf("sent %s as page %d (%s)", "trang-0001.jpg", 1, "mới")
	line := p.Line()
	for _, s := range []string{"chờ 2", "đã gửi 0", "bị từ chối 0", "sổ 41/400 trang"} {
		if !strings.Contains(line, s) {
			t.Errorf("status line %q lacks %q", line, s)
		}
	}
	if !strings.Contains(out.String(), "đã gửi trang-0001.jpg là trang 1 (mới)") {
		t.Errorf("event: got %q", out.String())
	}
}
