package review

import (
	"sync"
	"time"
)

// loginLimiter counts login attempts per key — one username from one client address, and one
// client address for any username — and backs off progressively: after a key's free attempts
// each further one must wait twice as long as the one before (30 s, 1 min, 2 min, … up to an
// hour). An attempt is counted when it is let through, before the password is checked, so that
// parallel attempts cannot all slip through; a success refunds it. A username is never locked
// for every address: the owner logging in from elsewhere is not refused.
type loginLimiter struct {
	mu      sync.Mutex
	rules   []limitRule
	entries map[string]*attempts
	now     func() time.Time
}

// limitRule is the back-off of one kind of key.
type limitRule struct {
	free      int           // attempts before any wait
	base, max time.Duration // first wait, and the longest
	forget    time.Duration // a key quiet this long starts again
}

type attempts struct {
	n     int
	until time.Time // no attempt before this
	last  time.Time
}

// Back-offs of a username at one address, and of one address for every username.
var (
	userAtAddr = limitRule{free: 5, base: 30 * time.Second, max: time.Hour, forget: 24 * time.Hour}
	anyAtAddr  = limitRule{free: 30, base: 30 * time.Second, max: time.Hour, forget: 24 * time.Hour}
)

func newLoginLimiter(rules ...limitRule) *loginLimiter {
	return &loginLimiter{rules: rules, entries: map[string]*attempts{}, now: time.Now}
}

// reserve lets one attempt through for every key (one per rule, in order) and counts it, or
// refuses and says until when. Counting happens here, atomically with the check.
func (l *loginLimiter) reserve(keys ...string) (ok bool, until time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.prune(now)
	es := make([]*attempts, len(keys))
	for i, k := range keys {
		e := l.entries[k]
		if e == nil || now.Sub(e.last) > l.rules[i].forget {
			e = &attempts{}
			l.entries[k] = e
		}
		if now.Before(e.until) {
			return false, e.until
		}
		es[i] = e
	}
	for i, e := range es {
		e.n++
		e.last = now
		if over := e.n - l.rules[i].free; over >= 0 {
			e.until = now.Add(backoff(l.rules[i], over))
		}
	}
	return true, time.Time{}
}

func backoff(r limitRule, over int) time.Duration {
	d := r.base
	for range min(over, 20) {
		d *= 2
		if d >= r.max {
			return r.max
		}
	}
	return d
}

// succeed refunds a successful attempt: the username at that address starts again, and the
// address gets its attempt back.
func (l *loginLimiter) succeed(userKey, addrKey string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.entries, userKey)
	if e := l.entries[addrKey]; e != nil && e.n > 0 {
		e.n--
		if e.n < anyAtAddr.free {
			e.until = time.Time{}
		}
	}
}

// prune forgets quiet keys so that the map cannot grow without bound.
func (l *loginLimiter) prune(now time.Time) {
	if len(l.entries) < 10_000 {
		return
	}
	for k, e := range l.entries {
		if now.Sub(e.last) > time.Hour && now.After(e.until) {
			delete(l.entries, k)
		}
	}
}
