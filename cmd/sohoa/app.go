package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/riverqueue/river"

	"github.com/sohoa/sohoa/complete"
	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/review"
	"github.com/sohoa/sohoa/server"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/upload"
	"github.com/sohoa/sohoa/validate"
)

// app is what every long-running command builds from the config.
type app struct {
	cfg     *config.Config
	logger  *slog.Logger
	store   *storage.Store
	objects *storage.Objects

	rulesOnce sync.Once
	rules     *validate.Validator
	rulesErr  error
}

// fieldRules is the process's one validator (syllable set, gazetteer, ethnic groups), built on
// first use and shared by the review screen and the workers' reader.
func (a *app) fieldRules() (*validate.Validator, error) {
	a.rulesOnce.Do(func() { a.rules, a.rulesErr = validate.New() })
	return a.rules, a.rulesErr
}

// openStore connects to PostgreSQL and migrates, logging migrations to logs; for the commands
// that need only the database.
func openStore(ctx context.Context, cfg *config.Config, logs io.Writer) (*storage.Store, error) {
	store, err := storage.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	if err := migrate(ctx, cfg, store, cfg.Logger(logs)); err != nil {
		store.Close()
		return nil, err
	}
	return store, nil
}

// migrate brings the schema up to date: as the schema's owner when SOHOA_MIGRATE_DATABASE_URL
// is set, granting the application's role (SOHOA_DATABASE_URL's user) what it needs afterwards,
// else through the application's own connection.
func migrate(ctx context.Context, cfg *config.Config, store *storage.Store, logger *slog.Logger) error {
	if cfg.MigrateDatabaseURL == "" {
		return store.Migrate(ctx, logger)
	}
	owner, err := storage.Open(ctx, cfg.MigrateDatabaseURL)
	if err != nil {
		return fmt.Errorf("SOHOA_MIGRATE_DATABASE_URL: %w", err)
	}
	defer owner.Close()
	if err := owner.Migrate(ctx, logger); err != nil {
		return err
	}
	u, err := url.Parse(cfg.DatabaseURL)
	if err != nil || u.User == nil || u.User.Username() == "" {
		return fmt.Errorf("SOHOA_DATABASE_URL (--database-url): name the application's role as the URL's user")
	}
	return storage.GrantApp(ctx, cfg.MigrateDatabaseURL, u.User.Username())
}

// open connects to PostgreSQL and the object store, migrates and creates the bucket when missing.
func open(ctx context.Context, cfg *config.Config, logger *slog.Logger) (*app, error) {
	store, err := storage.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	if err := migrate(ctx, cfg, store, logger); err != nil {
		store.Close()
		return nil, err
	}
	objects, err := storage.OpenObjects(cfg.S3)
	if err == nil {
		err = objects.EnsureBucket(ctx)
	}
	if err != nil {
		store.Close()
		return nil, fmt.Errorf("%w (SOHOA_S3_ENDPOINT=%s)", err, cfg.S3.Endpoint)
	}
	a := &app{cfg: cfg, logger: logger, store: store, objects: objects}
	a.collectUnacknowledged(ctx, unacknowledgedAge)
	return a, nil
}

// unacknowledgedAge is how old a pending upload must be before its objects are collected: far
// longer than any upload takes, so uploads running on other servers are left alone.
const unacknowledgedAge = 15 * time.Minute

// collectUnacknowledged removes objects written by uploads that crashed before their scan rows
// were committed (never acknowledged to the station, so nothing accepted is lost).
func (a *app) collectUnacknowledged(ctx context.Context, age time.Duration) {
	keys, err := a.store.Unacknowledged(ctx, age)
	if err != nil {
		a.logger.Warn("collect unacknowledged uploads", slog.Any("error", err))
		return
	}
	for _, k := range keys {
		if err := a.objects.DiscardUnacknowledged(ctx, k); err != nil {
			a.logger.Warn("collect unacknowledged upload", slog.String("key", k), slog.Any("error", err))
			continue
		}
		a.logger.Info("collected an unacknowledged upload", slog.String("key", k))
	}
}

func (a *app) close() { a.store.Close() }

// uploads is the one way pages come in: the API, the capture page and the demo data.
func (a *app) uploads() *upload.Service {
	return upload.New(a.store, a.objects, upload.Config{}, a.logger)
}

// startWorkers runs the pipeline's job workers until the returned stop function is called.
func (a *app) startWorkers(ctx context.Context) (stop func(context.Context) error, err error) {
	if a.cfg.Workers == 0 {
		return func(context.Context) error { return nil }, nil
	}
	rules, err := a.fieldRules()
	if err != nil {
		return nil, err
	}
	reader, err := ocr.New(ocr.Config{Engine: ocr.EngineConfig{Workers: a.cfg.Workers}, Logger: a.logger,
		TemplatesDir: a.cfg.TemplatesDir, Checker: ocr.ValidateChecker(rules)})
	if err != nil && a.cfg.TemplatesDir != "" {
		return nil, fmt.Errorf("%w (SOHOA_TEMPLATES_DIR / --templates: %s)", err, a.cfg.TemplatesDir)
	}
	if err != nil {
		return nil, err
	}
	workers := river.NewWorkers()
	pipeline.Register(workers, a.store, a.objects, reader, a.logger)
	runner, err := a.store.NewJobRunner(workers, a.cfg.Workers, a.logger)
	if err != nil {
		reader.Close()
		return nil, err
	}
	// The runner stops when told, after finishing its jobs, not when ctx is cancelled by a signal.
	if err := runner.Start(context.WithoutCancel(ctx)); err != nil {
		return nil, err
	}
	a.logger.Info("workers started", slog.Int("workers", a.cfg.Workers))
	return func(ctx context.Context) error {
		err := runner.Stop(ctx)
		return errors.Join(err, reader.Close())
	}, nil
}

// serve runs the HTTP server and the workers until ctx ends, then shuts down gracefully:
// in-flight requests and jobs finish within the shutdown timeout. ready, when not nil, is
// told the address the server listens on.
func (a *app) serve(ctx context.Context, ready func(addr string)) error {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	handler, err := a.handler(reg)
	if err != nil {
		return err
	}
	stopMetrics, err := a.serveMetrics(reg)
	if err != nil {
		return err
	}
	defer stopMetrics()

	ln, err := net.Listen("tcp", a.cfg.Listen)
	if err != nil {
		return fmt.Errorf("SOHOA_LISTEN (--listen) %s: %w", a.cfg.Listen, err)
	}
	stopWorkers, err := a.startWorkers(ctx)
	if err != nil {
		ln.Close()
		return err
	}
	srv := server.HTTPServer(handler, server.DefaultTimeouts, a.logger)
	served := make(chan error, 1)
	go func() {
		if a.cfg.TLSCert != "" {
			served <- srv.ServeTLS(ln, a.cfg.TLSCert, a.cfg.TLSKey)
			return
		}
		served <- srv.Serve(ln)
	}()
	a.logger.Info("serving", slog.String("addr", ln.Addr().String()))
	if ready != nil {
		ready(ln.Addr().String())
	}
	err = a.waitServing(ctx, served)
	a.logger.Info("shutting down", slog.Duration("grace", a.cfg.Shutdown))
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), a.cfg.Shutdown)
	defer cancel()
	return errors.Join(ignoreClosed(err), srv.Shutdown(sctx), stopWorkers(sctx))
}

// handler builds the HTTP handler: the API and the browser UI, with the process's one validator,
// completion engine and upload service.
func (a *app) handler(reg *prometheus.Registry) (http.Handler, error) {
	rules, err := a.fieldRules()
	if err != nil {
		return nil, err
	}
	loc, err := a.cfg.Location()
	if err != nil {
		return nil, err
	}
	ui, err := review.New(a.store, a.objects, review.FieldValidatorOf(rules), a.logger,
		review.Config{SecureCookie: a.cfg.SecureCookies, TrustedProxies: a.cfg.TrustedProxies, Location: loc})
	if err != nil {
		return nil, err
	}
	engine, err := complete.New(a.store) // keying assistance, loaded once
	if err != nil {
		return nil, err
	}
	ui.UseCompleter(engine)
	uploads := a.uploads()
	ui.SetUploader(uploads)
	return server.New(server.Deps{Logger: a.logger, Store: a.store, Objects: a.objects, Registry: reg, UI: ui,
		Upload: uploads, MetricsToken: a.cfg.MetricsToken}), nil
}

// waitServing waits until ctx ends or the server stops by itself (its error), collecting the
// objects of unacknowledged uploads meanwhile.
func (a *app) waitServing(ctx context.Context, served <-chan error) error {
	collect := time.NewTicker(unacknowledgedAge)
	defer collect.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-served:
			return err
		case <-collect.C:
			a.collectUnacknowledged(ctx, unacknowledgedAge)
		}
	}
}

func ignoreClosed(err error) error {
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}
