package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/sohoa/sohoa/domain"
)

type pingFunc func(ctx context.Context) error

func (f pingFunc) Ping(ctx context.Context) error { return f(ctx) }

var (
	up   = pingFunc(func(context.Context) error { return nil })
	down = pingFunc(func(context.Context) error { return errors.New("connection refused") })
	// hung ignores its context, as a driver stuck in a system call would.
	hung = pingFunc(func(context.Context) error { time.Sleep(5 * time.Second); return nil })
)

func TestReadyz(t *testing.T) {
	tests := []struct {
		name       string
		db, store  Pinger
		wantStatus int
		wantChecks map[string]bool // check name → ok
	}{
		{"both up", up, up, 200, map[string]bool{"database": true, "object_store": true}},
		{"database down", down, up, 503, map[string]bool{"database": false, "object_store": true}},
		{"store down", up, down, 503, map[string]bool{"database": true, "object_store": false}},
		{"store hung", up, hung, 503, map[string]bool{"database": true, "object_store": false}},
		{"database hung", hung, up, 503, map[string]bool{"database": false, "object_store": true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := New(Deps{Logger: slog.New(slog.DiscardHandler), Database: tc.db, ObjectStore: tc.store, ProbeTimeout: 200 * time.Millisecond})
			start := time.Now()
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
			if took := time.Since(start); took > time.Second {
				t.Errorf("readyz took %s with a 200 ms probe timeout", took)
			}
			if rec.Code != tc.wantStatus {
				t.Errorf("got status %d, want %d", rec.Code, tc.wantStatus)
			}
			var body struct {
				Status string            `json:"status"`
				Checks map[string]string `json:"checks"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatal(err)
			}
			for name, ok := range tc.wantChecks {
				if got := body.Checks[name] == "ok"; got != ok {
					t.Errorf("check %s: got %q, want ok=%v", name, body.Checks[name], ok)
				}
			}
		})
	}
}

func TestStatusOf(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{fmt.Errorf("ledger 3: %w", domain.ErrNotFound), http.StatusNotFound},
		{fmt.Errorf("x: %w", domain.ErrInvalid), http.StatusUnprocessableEntity},
		{fmt.Errorf("x: %w", domain.ErrConflict), http.StatusConflict},
		{fmt.Errorf("x: %w", domain.ErrTooLarge), http.StatusRequestEntityTooLarge},
		{fmt.Errorf("x: %w", domain.ErrUnsupported), http.StatusUnsupportedMediaType},
		{fmt.Errorf("x: %w", domain.ErrUnauthorized), http.StatusUnauthorized},
		{fmt.Errorf("x: %w", domain.ErrForbidden), http.StatusForbidden},
		{fmt.Errorf("x: %w", domain.ErrUnavailable), http.StatusServiceUnavailable},
		{errors.New("something else"), http.StatusInternalServerError},
	}
	for _, tc := range tests {
		if got, _ := statusOf(tc.err); got != tc.want {
			t.Errorf("statusOf(%v): got %d, want %d", tc.err, got, tc.want)
		}
	}
}

func TestUnavailableCarriesRetryAfter(t *testing.T) {
	s := &Server{logger: slog.New(slog.DiscardHandler)}
	rec := httptest.NewRecorder()
	s.httpError(rec, httptest.NewRequest("GET", "/x", nil), fmt.Errorf("put: %w", domain.ErrUnavailable))
	if rec.Code != 503 || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("got %d with Retry-After %q, want 503 with Retry-After", rec.Code, rec.Header().Get("Retry-After"))
	}
}

func TestPanicBecomes500(t *testing.T) {
	s := &Server{logger: slog.New(slog.DiscardHandler), metrics: newHTTPMetrics(prometheusRegistry())}
	h := s.observe(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("bug") }))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/x", nil))
	if rec.Code != 500 || rec.Header().Get("X-Request-Id") == "" {
		t.Fatalf("got %d, request id %q; want 500 with a request id", rec.Code, rec.Header().Get("X-Request-Id"))
	}
}

func prometheusRegistry() *prometheus.Registry { return prometheus.NewRegistry() }
