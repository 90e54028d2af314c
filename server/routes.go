package server

import (
	"net/http"
)

// routes registers every route of the API and the probes, top to bottom; the browser pages'
// routes are in review.(*UI).Register.
func (s *Server) routes() http.Handler {
	mux := &recorder{ServeMux: http.NewServeMux(), patterns: &s.patterns}
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.Handle("GET /readyz", s.handle(s.readyz))
	mux.Handle("GET /metrics", s.handle(s.metricsBehindToken()))

	// Scanning-station API (Authorization: Bearer <station token>); each route checks that the
	// ledger or scan is in one of the token's communes.
	mux.Handle("POST /api/v1/ledgers", s.station(s.ledgerCreate))
	mux.Handle("GET /api/v1/ledgers", s.station(s.ledgerList))
	mux.Handle("GET /api/v1/ledgers/{id}", s.station(s.inLedger(s.ledgerShow)))
	mux.Handle("POST /api/v1/ledgers/{id}/scans", s.station(s.inLedger(s.uploadLimits(s.scanUpload))))
	mux.Handle("GET /api/v1/scans/{id}", s.station(s.inScan(s.scanShow)))
	mux.Handle("/api/", s.handle(apiNotFound))

	// Browser pages for clerks, supervisors and admins (session cookie).
	if s.ui != nil {
		s.ui.Register(mux)
	}
	// Every state-changing request from a browser must come from this site (Sec-Fetch-Site /
	// Origin); stations and scripts send neither header and are judged by their token alone.
	return s.observe(securityHeaders(http.NewCrossOriginProtection().Handler(mux)))
}

// recorder is a ServeMux that remembers the patterns registered on it.
type recorder struct {
	*http.ServeMux
	patterns *[]string
}

func (m *recorder) Handle(pattern string, h http.Handler) {
	*m.patterns = append(*m.patterns, pattern)
	m.ServeMux.Handle(pattern, h)
}

func (m *recorder) HandleFunc(pattern string, h func(http.ResponseWriter, *http.Request)) {
	m.Handle(pattern, http.HandlerFunc(h))
}
