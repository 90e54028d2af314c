package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/sohoa/sohoa/server"
)

// serveMetrics serves /metrics on SOHOA_METRICS_LISTEN, when set, until stop is called.
func (a *app) serveMetrics(reg *prometheus.Registry) (stop func(), err error) {
	if a.cfg.MetricsListen == "" {
		return func() {}, nil
	}
	ln, err := net.Listen("tcp", a.cfg.MetricsListen)
	if err != nil {
		return nil, fmt.Errorf("SOHOA_METRICS_LISTEN (--metrics-listen) %s: %w", a.cfg.MetricsListen, err)
	}
	srv := server.HTTPServer(server.MetricsHandler(reg), server.DefaultTimeouts, a.logger)
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			a.logger.Error("metrics listener", slog.Any("error", err))
		}
	}()
	a.logger.Info("serving metrics", slog.String("addr", ln.Addr().String()))
	return func() { _ = srv.Shutdown(context.Background()) }, nil
}
