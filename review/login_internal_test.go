package review

import (
	"testing"
	"time"
)

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"/ledgers": "/ledgers", "/review/records/3?x=1": "/review/records/3?x=1", "": "/", "ledgers": "/",
		"//evil.example": "/", "/\\evil.example": "/", "/\t/evil.example": "/", "/\n/evil.example": "/",
		"/\x7f": "/", "https://evil.example": "/", "/a\\b": "/", "/\u0085x": "/",
	} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q): got %q, want %q", in, got, want)
		}
	}
}

// TestBackoffIsProgressive: a username at one address gets 5 free attempts, then waits that double;
// a success starts it again; another address is unaffected.
func TestBackoffIsProgressive(t *testing.T) {
	now := time.Date(2026, 12, 2, 8, 0, 0, 0, time.UTC)
	l := newLoginLimiter(userAtAddr, anyAtAddr)
	l.now = func() time.Time { return now }
	for i := range 5 {
		if ok, _ := l.reserve("u@a", "a"); !ok {
			t.Fatalf("attempt %d refused, want the first 5 free", i+1)
		}
	}
	if ok, _ := l.reserve("u@b", "b"); !ok {
		t.Error("the same username from another address was refused")
	}
	var waits []time.Duration
	for range 4 {
		ok, until := l.reserve("u@a", "a")
		if ok {
			t.Fatal("an attempt inside the wait was let through")
		}
		waits = append(waits, until.Sub(now))
		now = until
		if ok, _ := l.reserve("u@a", "a"); !ok {
			t.Fatal("the attempt after the wait was refused")
		}
	}
	for i := 1; i < len(waits); i++ {
		if waits[i] != 2*waits[i-1] {
			t.Errorf("waits %v do not double", waits)
		}
	}
	l.succeed("u@a", "a")
	if ok, _ := l.reserve("u@a", "a"); !ok {
		t.Error("after a success the username at that address is still backing off")
	}
}
