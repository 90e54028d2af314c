package server

import (
	"net/http"
	"strconv"

	"github.com/sohoa/sohoa/domain"
)

// scanView is a scan as the API shows it.
type scanView struct {
	domain.Scan
	Records   int    `json:"records"`
	StatusURL string `json:"status_url"`
}

func viewOf(sc domain.Scan, records int) scanView {
	return scanView{Scan: sc, Records: records, StatusURL: "/api/v1/scans/" + itoa(sc.ID)}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// scanShow shows where a scan is: GET /api/v1/scans/{id}.
func (s *Server) scanShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sc, err := s.store.Scan(r.Context(), id)
	if err != nil {
		return err
	}
	n, err := s.store.RecordCount(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, viewOf(sc, n))
	return nil
}
