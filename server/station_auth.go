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

// station admits requests carrying a live station token that has been given communes, and puts
// the station in the context. Each handler (or inLedger / inScan) then checks the commune.
func (s *Server) station(h handlerFunc) http.Handler {
	return s.handle(func(w http.ResponseWriter, r *http.Request) error {
		token, ok := auth.BearerToken(r.Header.Get("Authorization"))
		if !ok {
			return domain.Public(fmt.Errorf("%w: no bearer token", domain.ErrUnauthorized),
				"Hãy gửi mã trạm: Authorization: Bearer <mã trạm>.", "send the station token as Authorization: Bearer <token>")
		}
		st, err := s.store.StationByToken(r.Context(), auth.HashToken(token))
		if errors.Is(err, domain.ErrNotFound) {
			return domain.Public(fmt.Errorf("%w: %v", domain.ErrUnauthorized, err),
				"Mã trạm không đúng hoặc đã bị thu hồi.", "unknown or revoked station token")
		}
		if err != nil {
			return err
		}
		if len(st.Communes) == 0 {
			return domain.Public(fmt.Errorf("%w: station %q has a token without communes", domain.ErrForbidden, st.Name),
				"Mã trạm này chưa được gán xã nào; quản trị viên cần chạy: sohoa token scope --station TÊN --commune MÃ.",
				"this station token has no communes yet; an admin must run: sohoa token scope --station NAME --commune CODE")
		}
		return h(w, r.WithContext(context.WithValue(r.Context(), stationKey{}, st)))
	})
}

func stationOf(r *http.Request) domain.Station {
	st, _ := r.Context().Value(stationKey{}).(domain.Station)
	return st
}

func stationName(r *http.Request) string { return stationOf(r).Name }

// outOfScope refuses a station's request about a commune it does not work for.
func outOfScope(st domain.Station, what string, commune string) error {
	return domain.Public(fmt.Errorf("%w: station %q (communes %v) asked for %s of commune %s", domain.ErrForbidden, st.Name, st.Communes, what, commune),
		"Mã trạm này không được làm việc với sổ của xã "+commune+".",
		"this station token does not cover commune "+commune)
}

// inLedger admits a station's request about ledger {id} only when the ledger is in one of the
// station's communes.
func (s *Server) inLedger(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		l, err := s.store.Ledger(r.Context(), id)
		if err != nil {
			return err
		}
		if st := stationOf(r); !st.Covers(l.CommuneCode) {
			return outOfScope(st, fmt.Sprintf("ledger %d", id), l.CommuneCode)
		}
		return h(w, r)
	}
}

// inScan admits a station's request about scan {id} only when its ledger is in one of the
// station's communes.
func (s *Server) inScan(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		sc, err := s.store.Scan(r.Context(), id)
		if err != nil {
			return err
		}
		l, err := s.store.Ledger(r.Context(), sc.LedgerID)
		if err != nil {
			return err
		}
		if st := stationOf(r); !st.Covers(l.CommuneCode) {
			return outOfScope(st, fmt.Sprintf("scan %d", id), l.CommuneCode)
		}
		return h(w, r)
	}
}

func apiNotFound(w http.ResponseWriter, r *http.Request) error {
	return fmt.Errorf("%w: no API route %s %s", domain.ErrNotFound, r.Method, r.URL.Path)
}
