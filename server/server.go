package server

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/sohoa/sohoa/ingest"
	"github.com/sohoa/sohoa/upload"
)

// Pinger is a dependency whose reachability /readyz reports.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Deps are what the handlers need.
type Deps struct {
	Logger   *slog.Logger
	Store    Store
	Objects  Objects
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
	Upload Uploader
	// UI adds the browser pages' routes (package review); nil serves the API alone.
	UI interface {
		Register(mux interface {
			Handle(pattern string, h http.Handler)
		})
	}
	// Uploads bound each station's uploads (zero values take DefaultUploadLimits').
	Uploads UploadLimits
	// MetricsToken, when set, opens /metrics on this handler to requests that send it as a
	// bearer token; without it /metrics here answers 404 (serve MetricsHandler on its own
	// listener instead, SOHOA_METRICS_LISTEN).
	MetricsToken string
}

// Server holds the handlers' dependencies.
type Server struct {
	logger       *slog.Logger
	store        Store
	objects      Objects
	db, objStore Pinger
	registry     *prometheus.Registry
	metrics      *httpMetrics
	probeTimeout time.Duration
	maxUpload    int64
	limits       ingest.Limits
	tempDir      string
	ui           interface {
		Register(mux interface {
			Handle(pattern string, h http.Handler)
		})
	}
	gate         *stationGate
	metricsToken string
	patterns     []string // every route registered, in order
	upload       Uploader
}

// DefaultMaxUploadBytes is the default size limit of one uploaded file.
const DefaultMaxUploadBytes = 100 << 20

// New builds the HTTP handler of sohoa.
func New(d Deps) http.Handler { return build(d).handler }

// Routes lists the pattern of every route New registers (API, probes and the UI's), so that a
// test can check each against an authorisation table.
func Routes(d Deps) []string { return build(d).patterns }

type built struct {
	handler  http.Handler
	patterns []string
}

func build(d Deps) built {
	s := &Server{
		logger: d.Logger, store: d.Store, objects: d.Objects, registry: d.Registry,
		db: d.Database, objStore: d.ObjectStore, probeTimeout: d.ProbeTimeout,
		maxUpload: d.MaxUploadBytes, limits: d.Limits, tempDir: d.TempDir, ui: d.UI,
		gate: newStationGate(d.Uploads), metricsToken: d.MetricsToken,
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
	h := s.routes()
	return built{handler: h, patterns: s.patterns}
}
