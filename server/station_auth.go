package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/domain"
)

type stationKey struct{}

// station admits requests carrying a live station token and puts the station's name in the context.
func (s *Server) station(h handlerFunc) http.Handler {
	return s.handle(func(w http.ResponseWriter, r *http.Request) error {
		token, ok := auth.BearerToken(r.Header.Get("Authorization"))
		if !ok {
			return fmt.Errorf("%w: send the station token as Authorization: Bearer <token>", domain.ErrUnauthorized)
		}
		name, err := s.store.StationByToken(r.Context(), auth.HashToken(token))
		if errors.Is(err, domain.ErrNotFound) {
			return fmt.Errorf("%w: unknown or revoked station token", domain.ErrUnauthorized)
		}
		if err != nil {
			return err
		}
		return h(w, r.WithContext(context.WithValue(r.Context(), stationKey{}, name)))
	})
}

func stationName(r *http.Request) string {
	name, _ := r.Context().Value(stationKey{}).(string)
	return name
}

func apiNotFound(w http.ResponseWriter, r *http.Request) error {
	return fmt.Errorf("%w: no API route %s %s", domain.ErrNotFound, r.Method, r.URL.Path)
}
