package server

import (
	"cmp"
	"fmt"
	"net/http"
	"strings"

	"golang.org/x/text/unicode/norm"

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
	l := domain.Ledger{CommuneCode: in.CommuneCode, Kind: domain.Kind(in.Kind), Book: norm.NFC.String(strings.TrimSpace(in.Book)), YearFrom: in.YearFrom,
		YearTo: in.YearTo, ExpectedEntries: in.ExpectedEntries, ExpectedPages: in.ExpectedPages}
	if st := stationOf(r); !st.Covers(l.CommuneCode) {
		if err := l.Validate(); err != nil {
			return err
		}
		if ok, err := s.store.CommuneExists(r.Context(), l.CommuneCode); err != nil || !ok {
			return cmp.Or(err, fmt.Errorf("%w: commune code %q is not a known commune", domain.ErrInvalid, l.CommuneCode))
		}
		return outOfScope(st, "a new ledger", l.CommuneCode)
	}
	if err := s.store.CreateLedgerBy(r.Context(), &l, "station:"+stationName(r)); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/ledgers/"+itoa(l.ID))
	writeJSON(w, http.StatusCreated, l)
	return nil
}
