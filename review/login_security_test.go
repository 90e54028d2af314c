package review_test

import (
	"context"
	"net/http"
	"net/netip"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/review"
)

// countingChecker counts password hashes actually run.
type countingChecker struct{ n atomic.Int64 }

func (c *countingChecker) check(hash, password string) (bool, error) {
	c.n.Add(1)
	return auth.CheckPassword(hash, password)
}

// TestParallelWrongLoginsEvaluateAtMostTheLimit: 24 wrong passwords for one account sent at once
// from one address. The attempt limit is counted before the hash runs, so at most the limit's
// free attempts (5) are evaluated, and the process' memory grows far less than 24 × 64 MiB.
// Not parallel: it measures the process' memory.
func TestParallelWrongLoginsEvaluateAtMostTheLimit(t *testing.T) {
	checks := &countingChecker{}
	b := setup(t, review.Config{CheckPassword: checks.check})
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	rssBefore := rss(t)

	var wg sync.WaitGroup
	statuses := make([]int, 24)
	for i := range statuses {
		wg.Go(func() {
			resp, err := http.PostForm(b.url+"/login", url.Values{"username": {"canbo"}, "password": {"sai-mat-khau-" + string(rune('a'+i))}})
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			statuses[i] = resp.StatusCode
		})
	}
	wg.Wait()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	growth := int64(after.Sys) - int64(before.Sys)
	rssGrowth := rss(t) - rssBefore
	t.Logf("hashes run %d; Go memory obtained from the OS grew %d MB, resident set %d MB", checks.n.Load(), growth>>20, rssGrowth>>20)
	if n := checks.n.Load(); n > 5 {
		t.Errorf("got %d password hashes run for 24 parallel attempts, want at most 5", n)
	}
	throttled := 0
	for _, s := range statuses {
		if s == http.StatusTooManyRequests {
			throttled++
		} else if s != http.StatusUnauthorized {
			t.Errorf("got status %d, want 401 or 429", s)
		}
	}
	if throttled < 19 {
		t.Errorf("got %d attempts refused with 429, want at least 19", throttled)
	}
	if growth > 300<<20 || rssGrowth > 300<<20 {
		t.Errorf("memory grew %d MB (Go) / %d MB (RSS), want under 300 MB", growth>>20, rssGrowth>>20)
	}
}

// rss is the process' peak resident set size (VmHWM) in bytes, or 0 where /proc is missing.
func rss(t *testing.T) int64 {
	t.Helper()
	b, err := readProc("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(b, "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			var kb int64
			for _, f := range strings.Fields(line)[1:2] {
				for _, c := range f {
					kb = kb*10 + int64(c-'0')
				}
			}
			return kb << 10
		}
	}
	return 0
}

// TestUnknownUserCostsAHashToo: a name that does not exist is checked against a dummy hash, so
// it takes as long as a real one and does not tell who has an account.
func TestUnknownUserCostsAHashToo(t *testing.T) {
	t.Parallel()
	checks := &countingChecker{}
	b := setup(t, review.Config{CheckPassword: checks.check})
	resp := b.client(t).post("/login", url.Values{"username": {"khong-ai-ca"}, "password": {"mot-mat-khau"}})
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("got %d, want 401", resp.StatusCode)
	}
	if n := checks.n.Load(); n != 1 {
		t.Errorf("got %d password hashes for an unknown user, want 1 (the dummy)", n)
	}
}

// TestGuessingElsewhereDoesNotLockTheOwnerOut: behind a trusted proxy, someone guessing canbo's
// password from one address is slowed down; canbo logging in from another address is not.
// X-Forwarded-For is believed only from the trusted proxy.
func TestGuessingElsewhereDoesNotLockTheOwnerOut(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{TrustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}})
	login := func(from, password string) int {
		req, _ := http.NewRequest("POST", b.url+"/login", strings.NewReader(url.Values{"username": {"canbo"}, "password": {password}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Forwarded-For", from+", 127.0.0.1")
		resp, err := b.client(t).http.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for range 8 {
		login("203.0.113.5", "doan-mo-mat-khau")
	}
	if got := login("203.0.113.5", b.password); got != http.StatusTooManyRequests {
		t.Errorf("the guessing address: got %d, want 429 (backing off)", got)
	}
	if got := login("198.51.100.7", b.password); got != http.StatusSeeOther {
		t.Errorf("the owner from another address: got %d, want 303 (logged in)", got)
	}
}

// TestForwardedForIsIgnoredFromUntrustedPeers: without trusted proxies a client cannot pick a new
// address per attempt with X-Forwarded-For to escape the limit.
func TestForwardedForIsIgnoredFromUntrustedPeers(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	last := 0
	for i := range 8 {
		req, _ := http.NewRequest("POST", b.url+"/login", strings.NewReader(url.Values{"username": {"canbo"}, "password": {"sai-sai-sai"}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Forwarded-For", "192.0.2."+string(rune('1'+i)))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		last = resp.StatusCode
	}
	if last != http.StatusTooManyRequests {
		t.Errorf("8th attempt with a forged X-Forwarded-For: got %d, want 429", last)
	}
}

// TestLoginsAreAudited: a failure and a success each leave an audit event with the name and address.
func TestLoginsAreAudited(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	b.client(t).post("/login", url.Values{"username": {"canbo"}, "password": {"sai-mat-khau"}})
	b.login(t, "canbo")
	conn, err := pgx.Connect(context.Background(), b.dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	rows, _ := conn.Query(context.Background(), `SELECT action || ' ' || actor || ' ' || (new->>'addr') FROM audit_events
		WHERE action LIKE 'login.%' ORDER BY id`)
	got, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"login.failure canbo 127.0.0.1", "login.success canbo 127.0.0.1"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got audit %q, want %q", got, want)
	}
}
