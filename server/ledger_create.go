package server

import (
	"net/http"

	"github.com/sohoa/sohoa/domain"
)

// ledgerCreate registers a ledger: POST /api/v1/ledgers.
func (s *Server) ledgerCreate(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		CommuneCode     string `json:"commune_code"`
		Kind            string `json:"kind"`
		Book            string `json:"book"`
		YearFrom        int    `json:"year_from"`
		YearTo          int    `json:"year_to"`
		ExpectedEntries int    `json:"expected_entries"`
		ExpectedPages   int    `json:"expected_pages"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	l := domain.Ledger{CommuneCode: in.CommuneCode, Kind: domain.Kind(in.Kind), Book: in.Book, YearFrom: in.YearFrom,
		YearTo: in.YearTo, ExpectedEntries: in.ExpectedEntries, ExpectedPages: in.ExpectedPages}
	if err := s.store.CreateLedger(r.Context(), &l); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/ledgers/"+itoa(l.ID))
	writeJSON(w, http.StatusCreated, l)
	return nil
}
