package server

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// Pinger is a dependency whose reachability /readyz reports.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Deps are what the handlers need.
type Deps struct {
	Logger   *slog.Logger
	Database Pinger
	Objects  Pinger
	Registry *prometheus.Registry // nil makes a new one
	// ProbeTimeout bounds each readiness probe so a hung dependency reads as not ready.
	ProbeTimeout time.Duration
}

// Server holds the handlers' dependencies.
type Server struct {
	logger       *slog.Logger
	db, objects  Pinger
	registry     *prometheus.Registry
	metrics      *httpMetrics
	probeTimeout time.Duration
}

// New builds the HTTP handler of sohoa.
func New(d Deps) http.Handler {
	reg := d.Registry
	if reg == nil {
		reg = prometheus.NewRegistry()
		reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	}
	s := &Server{
		logger:       d.Logger,
		db:           d.Database,
		objects:      d.Objects,
		registry:     reg,
		metrics:      newHTTPMetrics(reg),
		probeTimeout: d.ProbeTimeout,
	}
	if s.probeTimeout <= 0 {
		s.probeTimeout = 2 * time.Second
	}
	return s.routes()
}
