package server

import "net/http"

// ledgerList lists ledgers: GET /api/v1/ledgers.
func (s *Server) ledgerList(w http.ResponseWriter, r *http.Request) error {
	ls, err := s.store.Ledgers(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"ledgers": ls})
	return nil
}
