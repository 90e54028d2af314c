package server

import (
	"crypto/subtle"
	"fmt"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/domain"
)

// MetricsHandler serves the registry's metrics, for a listener of its own (SOHOA_METRICS_LISTEN)
// that only the monitoring network reaches.
func MetricsHandler(reg *prometheus.Registry) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
	return mux
}

// metricsBehindToken serves /metrics on the public listener only to a request with the metrics
// token (SOHOA_METRICS_TOKEN); with no token configured the route does not exist here.
func (s *Server) metricsBehindToken() handlerFunc {
	h := promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{Registry: s.registry})
	return func(w http.ResponseWriter, r *http.Request) error {
		if s.metricsToken == "" {
			return fmt.Errorf("%w: /metrics is served on SOHOA_METRICS_LISTEN or with SOHOA_METRICS_TOKEN", domain.ErrNotFound)
		}
		token, ok := auth.BearerToken(r.Header.Get("Authorization"))
		if !ok || subtle.ConstantTimeCompare([]byte(token), []byte(s.metricsToken)) != 1 {
			return fmt.Errorf("%w: /metrics needs the metrics token", domain.ErrUnauthorized)
		}
		h.ServeHTTP(w, r)
		return nil
	}
}
