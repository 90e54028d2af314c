package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
)

// healthz answers as long as the process serves HTTP.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// readyz probes PostgreSQL and the object store at once, each within the probe timeout, and
// answers 503 naming what is unreachable ("unavailable"; the probe's own error is logged, not
// sent).
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) error {
	probes := map[string]Pinger{"database": s.db, "object_store": s.objStore}
	checks := make(map[string]string, len(probes))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for name, p := range probes {
		wg.Go(func() {
			result := "ok"
			if err := s.probe(r.Context(), p); err != nil {
				result = "unavailable"
				s.logger.Warn("readiness probe failed", slog.String("request_id", w.Header().Get("X-Request-Id")),
					slog.String("check", name), slog.Any("error", err))
			}
			mu.Lock()
			checks[name] = result
			mu.Unlock()
		})
	}
	wg.Wait()
	status, word := http.StatusOK, "ready"
	for _, c := range checks {
		if c != "ok" {
			status, word = http.StatusServiceUnavailable, "not ready"
		}
	}
	writeJSON(w, status, map[string]any{"status": word, "checks": checks})
	return nil
}

// probe runs one ping bounded by the timeout, even when the ping itself ignores its context.
func (s *Server) probe(ctx context.Context, p Pinger) error {
	ctx, cancel := context.WithTimeout(ctx, s.probeTimeout)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- p.Ping(ctx) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return fmt.Errorf("no answer within %s", s.probeTimeout)
	}
}
