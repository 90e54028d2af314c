package server

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// routes registers every route of the API and the probes, top to bottom; the browser pages'
// routes are in review.(*UI).Register.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.Handle("GET /readyz", s.handle(s.readyz))
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{Registry: s.registry}))

	// Scanning-station API (Authorization: Bearer <station token>).
	mux.Handle("POST /api/v1/ledgers", s.station(s.ledgerCreate))
	mux.Handle("GET /api/v1/ledgers", s.station(s.ledgerList))
	mux.Handle("GET /api/v1/ledgers/{id}", s.station(s.ledgerShow))
	mux.Handle("POST /api/v1/ledgers/{id}/scans", s.station(s.scanUpload))
	mux.Handle("GET /api/v1/scans/{id}", s.station(s.scanShow))
	mux.Handle("/api/", s.handle(apiNotFound))

	// Browser pages for clerks, supervisors and admins (session cookie).
	if s.ui != nil {
		s.ui.Register(mux)
	}
	// Every state-changing request from a browser must come from this site (Sec-Fetch-Site /
	// Origin); stations and scripts send neither header and are judged by their token alone.
	return s.observe(http.NewCrossOriginProtection().Handler(mux))
}
