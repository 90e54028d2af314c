package station

import (
	"net/http"
	"strconv"
	"time"
)

// Backoff spaces out retries while the server is away: the wait doubles from Min with each
// failure in a row, up to Max, and is jittered so that many stations coming back after the
// same outage do not all knock at once.
type Backoff struct {
	Min, Max time.Duration
}

// Delay is the wait after the n-th failure in a row (n ≥ 1), given r uniform in [0, 1):
// "equal jitter", between half of Min·2ⁿ⁻¹ (capped at Max) and all of it.
func (b Backoff) Delay(n int, r float64) time.Duration {
	d := b.Min
	for i := 1; i < n && d < b.Max; i++ {
		d *= 2
	}
	d = min(d, b.Max)
	return d/2 + time.Duration(r*float64(d/2))
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date; 0 when absent or unreadable.
func retryAfter(h string, now time.Time) time.Duration {
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(h); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
