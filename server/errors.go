package server

import (
	"encoding/json"
	"log/slog"
	"net/http"

	"github.com/sohoa/sohoa/internal/httperr"
)

// handlerFunc is a handler that returns its error for httpError to report.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

func (s *Server) handle(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.httpError(w, r, err)
		}
	})
}

// statusOf maps a domain error to an HTTP status and a message safe to show.
func statusOf(err error) (int, string) {
	status, show := httperr.Status(err)
	switch {
	case show:
		return status, err.Error()
	case status == http.StatusServiceUnavailable:
		return status, "a service sohoa depends on is unavailable; try again shortly"
	}
	return status, "internal error"
}

// httpError writes err as a JSON error and logs it once, here.
func (s *Server) httpError(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := statusOf(err)
	level := slog.LevelInfo
	if status >= 500 {
		level = slog.LevelError
	}
	s.logger.Log(r.Context(), level, "request failed", slog.String("method", r.Method),
		slog.String("path", r.URL.Path), slog.Int("status", status), slog.Any("error", err))
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	writeJSON(w, status, map[string]string{"error": msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
