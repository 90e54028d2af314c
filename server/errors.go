package server

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/sohoa/sohoa/domain"
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
	switch {
	case errors.Is(err, domain.ErrNotFound):
		return http.StatusNotFound, "not found"
	case errors.Is(err, domain.ErrInvalid):
		return http.StatusUnprocessableEntity, err.Error()
	case errors.Is(err, domain.ErrConflict):
		return http.StatusConflict, "conflict: the item changed or already exists"
	case errors.Is(err, domain.ErrTooLarge):
		return http.StatusRequestEntityTooLarge, err.Error()
	case errors.Is(err, domain.ErrUnsupported):
		return http.StatusUnsupportedMediaType, err.Error()
	case errors.Is(err, domain.ErrUnauthorized):
		return http.StatusUnauthorized, "unauthorized"
	case errors.Is(err, domain.ErrForbidden):
		return http.StatusForbidden, "forbidden"
	case errors.Is(err, domain.ErrUnavailable):
		return http.StatusServiceUnavailable, "a service sohoa depends on is unavailable; try again shortly"
	}
	return http.StatusInternalServerError, "internal error"
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
