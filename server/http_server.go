package server

import (
	"log/slog"
	"net/http"
	"time"
)

// Timeouts bound a connection: its request headers, a request's body (uploads set their own,
// longer deadline; see UploadLimits), and the quiet time of a kept-alive connection.
type Timeouts struct {
	ReadHeader, Read, Idle time.Duration
}

// DefaultTimeouts suit browsers and stations on slow commune lines.
var DefaultTimeouts = Timeouts{ReadHeader: 10 * time.Second, Read: time.Minute, Idle: 2 * time.Minute}

// HTTPServer wraps h in an http.Server with the connection timeouts set, so that a client that
// opens connections and sends nothing (or a body byte a minute) cannot hold them.
func HTTPServer(h http.Handler, t Timeouts, logger *slog.Logger) *http.Server {
	if t.ReadHeader <= 0 {
		t.ReadHeader = DefaultTimeouts.ReadHeader
	}
	if t.Read <= 0 {
		t.Read = DefaultTimeouts.Read
	}
	if t.Idle <= 0 {
		t.Idle = DefaultTimeouts.Idle
	}
	return &http.Server{Handler: h, ReadHeaderTimeout: t.ReadHeader, ReadTimeout: t.Read, IdleTimeout: t.Idle,
		MaxHeaderBytes: 64 << 10, ErrorLog: slog.NewLogLogger(logger.Handler(), slog.LevelWarn)}
}
