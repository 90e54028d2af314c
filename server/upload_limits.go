package server

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/sohoa/sohoa/domain"
)

// UploadLimits bound what one station may send: uploads at once, a sustained rate with a burst,
// and the time one upload may take from its first byte to its answer.
type UploadLimits struct {
	Concurrent int           // uploads of one station at the same time (default 4)
	PerMinute  float64       // sustained uploads per minute per station (default 60)
	Burst      int           // uploads allowed at once above the rate (default 20)
	Timeout    time.Duration // per upload, body and processing (default 10 minutes)
}

// DefaultUploadLimits suit a scanner station sending a page every second or two.
var DefaultUploadLimits = UploadLimits{Concurrent: 4, PerMinute: 60, Burst: 20, Timeout: 10 * time.Minute}

func (l UploadLimits) withDefaults() UploadLimits {
	if l.Concurrent <= 0 {
		l.Concurrent = DefaultUploadLimits.Concurrent
	}
	if l.PerMinute <= 0 {
		l.PerMinute = DefaultUploadLimits.PerMinute
	}
	if l.Burst <= 0 {
		l.Burst = DefaultUploadLimits.Burst
	}
	if l.Timeout <= 0 {
		l.Timeout = DefaultUploadLimits.Timeout
	}
	return l
}

// stationGate keeps each station's uploads in flight and its token bucket.
type stationGate struct {
	mu       sync.Mutex
	lim      UploadLimits
	inFlight map[string]int
	buckets  map[string]*bucket
	now      func() time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newStationGate(lim UploadLimits) *stationGate {
	return &stationGate{lim: lim.withDefaults(), inFlight: map[string]int{}, buckets: map[string]*bucket{}, now: time.Now}
}

// enter admits one upload of a station, or says how long to wait.
func (g *stationGate) enter(station string) (leave func(), wait time.Duration) {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	b, ok := g.buckets[station]
	if !ok {
		b = &bucket{tokens: float64(g.lim.Burst), at: now}
		g.buckets[station] = b
	}
	perSecond := g.lim.PerMinute / 60
	b.tokens = math.Min(float64(g.lim.Burst), b.tokens+now.Sub(b.at).Seconds()*perSecond)
	b.at = now
	if g.inFlight[station] >= g.lim.Concurrent {
		return nil, time.Second
	}
	if b.tokens < 1 {
		return nil, time.Duration((1 - b.tokens) / perSecond * float64(time.Second))
	}
	b.tokens--
	g.inFlight[station]++
	return func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		if g.inFlight[station]--; g.inFlight[station] <= 0 {
			delete(g.inFlight, station)
		}
	}, 0
}

// uploadLimits admits a station's upload within its limits (429 with Retry-After otherwise) and
// gives it its own deadline for reading the body and for the whole request.
func (s *Server) uploadLimits(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		leave, wait := s.gate.enter(stationName(r))
		if leave == nil {
			secs := max(1, int(math.Ceil(wait.Seconds())))
			w.Header().Set("Retry-After", strconv.Itoa(secs))
			return domain.Public(fmt.Errorf("%w: station %q is over its upload limits", domain.ErrTooManyRequests, stationName(r)),
				fmt.Sprintf("Trạm gửi quá nhiều tệp cùng lúc; thử lại sau %d giây.", secs),
				fmt.Sprintf("too many uploads from this station; try again in %d s", secs))
		}
		defer leave()
		deadline := time.Now().Add(s.gate.lim.Timeout)
		_ = http.NewResponseController(w).SetReadDeadline(deadline)
		ctx, cancel := context.WithDeadline(r.Context(), deadline)
		defer cancel()
		return h(w, r.WithContext(ctx))
	}
}
