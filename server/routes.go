package server

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// routes registers every route of sohoa, top to bottom.
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
	return s.observe(mux)
}
