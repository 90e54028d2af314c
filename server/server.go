package server

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/sohoa/sohoa/ingest"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/upload"
)

// Pinger is a dependency whose reachability /readyz reports.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Deps are what the handlers need.
type Deps struct {
	Logger   *slog.Logger
	Store    *storage.Store
	Objects  *storage.Objects
	Registry *prometheus.Registry // nil makes a new one
	// Database and ObjectStore are probed by /readyz; they default to Store and Objects.
	Database, ObjectStore Pinger
	// ProbeTimeout bounds each readiness probe so a hung dependency reads as not ready.
	ProbeTimeout time.Duration
	// MaxUploadBytes bounds one uploaded file (default 100 MB).
	MaxUploadBytes int64
	// Limits bound the pages of one upload.
	Limits ingest.Limits
	// TempDir holds uploads while they are checked (default: the system's).
	TempDir string
	// Upload takes uploaded files into the queue; nil builds one from Store, Objects and the
	// limits above.
	Upload *upload.Service
	// UI adds the browser pages' routes (package review); nil serves the API alone.
	UI interface{ Register(mux *http.ServeMux) }
}

// Server holds the handlers' dependencies.
type Server struct {
	logger       *slog.Logger
	store        *storage.Store
	objects      *storage.Objects
	db, objStore Pinger
	registry     *prometheus.Registry
	metrics      *httpMetrics
	probeTimeout time.Duration
	maxUpload    int64
	limits       ingest.Limits
	tempDir      string
	upload       *upload.Service
	ui           interface{ Register(mux *http.ServeMux) }
}

// DefaultMaxUploadBytes is the default size limit of one uploaded file.
const DefaultMaxUploadBytes = 100 << 20

// New builds the HTTP handler of sohoa.
func New(d Deps) http.Handler {
	s := &Server{
		logger: d.Logger, store: d.Store, objects: d.Objects, registry: d.Registry,
		db: d.Database, objStore: d.ObjectStore, probeTimeout: d.ProbeTimeout,
		maxUpload: d.MaxUploadBytes, limits: d.Limits, tempDir: d.TempDir, ui: d.UI,
	}
	if s.registry == nil {
		s.registry = prometheus.NewRegistry()
	}
	if s.db == nil && d.Store != nil {
		s.db = d.Store
	}
	if s.objStore == nil && d.Objects != nil {
		s.objStore = d.Objects
	}
	if s.probeTimeout <= 0 {
		s.probeTimeout = 2 * time.Second
	}
	if s.maxUpload <= 0 {
		s.maxUpload = DefaultMaxUploadBytes
	}
	if s.limits.MaxPixels == 0 {
		s.limits = ingest.DefaultLimits
	}
	s.upload = d.Upload
	if s.upload == nil {
		s.upload = upload.New(d.Store, d.Objects, upload.Config{MaxBytes: s.maxUpload, Limits: s.limits, TempDir: s.tempDir}, s.logger)
	}
	s.metrics = newHTTPMetrics(s.registry)
	return s.routes()
}
