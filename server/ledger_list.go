package server

import (
	"net/http"

	"github.com/sohoa/sohoa/domain"
)

// ledgerList lists the ledgers of the station's communes: GET /api/v1/ledgers.
func (s *Server) ledgerList(w http.ResponseWriter, r *http.Request) error {
	ls, err := s.store.Ledgers(r.Context())
	if err != nil {
		return err
	}
	st := stationOf(r)
	mine := []domain.Ledger{}
	for _, l := range ls {
		if st.Covers(l.CommuneCode) {
			mine = append(mine, l)
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"ledgers": mine})
	return nil
}
