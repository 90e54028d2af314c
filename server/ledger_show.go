package server

import (
	"net/http"

	"github.com/sohoa/sohoa/domain"
)

// ledgerShow shows a ledger with its progress: GET /api/v1/ledgers/{id}.
func (s *Server) ledgerShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	l, err := s.store.Ledger(r.Context(), id)
	if err != nil {
		return err
	}
	p, err := s.store.LedgerProgress(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, struct {
		domain.Ledger
		Progress domain.LedgerProgress `json:"progress"`
	}{l, p})
	return nil
}
