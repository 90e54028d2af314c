package server

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/sohoa/sohoa/domain"
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

// errorBody is the JSON of a refused request: a message safe to show in English ("error", which
// stations print) and in Vietnamese, and the existing ledger when a ledger is registered twice.
type errorBody struct {
	Error    string `json:"error"`
	ErrorVI  string `json:"error_vi"`
	LedgerID int64  `json:"ledger_id,omitempty"`
}

// statusOf maps a domain error to an HTTP status and the body safe to show.
func statusOf(err error) (int, errorBody) {
	status, vi, en := httperr.Message(err)
	body := errorBody{Error: en, ErrorVI: vi}
	var exists *domain.LedgerExistsError
	if errors.As(err, &exists) {
		body.LedgerID = exists.ID
	}
	return status, body
}

// httpError writes err as a JSON error and logs the whole chain once, here, with the request id.
func (s *Server) httpError(w http.ResponseWriter, r *http.Request, err error) {
	status, body := statusOf(err)
	level := slog.LevelInfo
	if status >= 500 {
		level = slog.LevelError
	}
	s.logger.Log(r.Context(), level, "request failed", slog.String("request_id", w.Header().Get("X-Request-Id")),
		slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Int("status", status), slog.Any("error", err))
	switch status {
	case http.StatusServiceUnavailable, http.StatusTooManyRequests:
		if w.Header().Get("Retry-After") == "" {
			w.Header().Set("Retry-After", "5")
		}
	}
	writeJSON(w, status, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
