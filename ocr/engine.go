package ocr

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/otiai10/gosseract/v2"
)

// ErrTimeout is returned for a page whose OCR ran past its time limit.
var ErrTimeout = errors.New("ocr: page exceeded its time limit")

// EngineConfig sizes the Tesseract pool.
type EngineConfig struct {
	// Workers is the number of Tesseract clients, hence of pages read at once; 0 means GOMAXPROCS.
	Workers int
	// PageTimeout bounds the work on one page (all its Tesseract calls); 0 means 60 s.
	PageTimeout time.Duration
	// Language is the Tesseract language, default "vie".
	Language string
	// TessdataPrefix overrides where traineddata files are looked for; empty uses Tesseract's default.
	TessdataPrefix string
}

func (c EngineConfig) withDefaults() EngineConfig {
	if c.Workers <= 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
	if c.PageTimeout <= 0 {
		c.PageTimeout = 60 * time.Second
	}
	if c.Language == "" {
		c.Language = "vie"
	}
	return c
}

// Engine is a pool of Tesseract clients, one per worker: a gosseract client is not safe to share.
// A cgo call cannot be interrupted, so a page that runs past its limit fails on its own while its
// client finishes in the background and is then closed; the pool gets a fresh client at once, so
// the other pages never wait for it.
type Engine struct {
	cfg     EngineConfig
	idle    chan *tessClient
	mu      sync.Mutex
	closed  bool
	pending sync.WaitGroup // abandoned calls still running
}

// NewEngine checks that Tesseract has the language and builds the pool.
func NewEngine(cfg EngineConfig) (*Engine, error) {
	cfg = cfg.withDefaults()
	if err := checkLanguage(cfg); err != nil {
		return nil, err
	}
	e := &Engine{cfg: cfg, idle: make(chan *tessClient, cfg.Workers)}
	for range cfg.Workers {
		e.idle <- e.newClient()
	}
	return e, nil
}

// checkLanguage fails clearly when the traineddata is missing, instead of at the first page.
func checkLanguage(cfg EngineConfig) error {
	c := gosseract.NewClient()
	defer c.Close()
	if cfg.TessdataPrefix != "" {
		if err := c.SetTessdataPrefix(cfg.TessdataPrefix); err != nil {
			return fmt.Errorf("ocr engine: %w", err)
		}
	}
	langs, err := gosseract.GetAvailableLanguages()
	if err != nil && cfg.TessdataPrefix == "" {
		return fmt.Errorf("ocr engine: list tesseract languages: %w", err)
	}
	if cfg.TessdataPrefix != "" {
		return nil // GetAvailableLanguages only looks in the default folder
	}
	for _, l := range langs {
		if l == cfg.Language {
			return nil
		}
	}
	return fmt.Errorf("ocr engine: tesseract has no %q traineddata (installed: %v); install tesseract-ocr-%s", cfg.Language, langs, cfg.Language)
}

// Workers is the number of pages the engine reads at once.
func (e *Engine) Workers() int { return e.cfg.Workers }

// Close closes the idle clients and waits for abandoned calls to finish.
func (e *Engine) Close() error {
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return nil
	}
	e.closed = true
	e.mu.Unlock()
	for range e.cfg.Workers {
		c := <-e.idle
		c.close()
	}
	e.pending.Wait()
	return nil
}

// do runs job with a client from the pool, bounded by the page time limit (or timeout if > 0).
// A panic in job fails this page only.
func (e *Engine) do(ctx context.Context, timeout time.Duration, job func(ctx context.Context, c *tessClient) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if timeout <= 0 {
		timeout = e.cfg.PageTimeout
	}
	var c *tessClient
	select {
	case c = <-e.idle:
	case <-ctx.Done():
		return ctx.Err()
	}
	ctx, cancel := context.WithTimeoutCause(ctx, timeout, fmt.Errorf("%w (%s)", ErrTimeout, timeout))
	defer cancel()
	if err := ctx.Err(); err != nil {
		e.idle <- c
		return err
	}
	done := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("ocr: page failed: %v\n%s", r, debug.Stack())
			}
		}()
		done <- job(ctx, c)
	}()
	select {
	case err := <-done:
		e.idle <- c
		return err
	case <-ctx.Done():
		// The call in flight cannot be stopped: let it finish, then drop its client.
		e.pending.Add(1)
		go func() {
			defer e.pending.Done()
			<-done
			c.close()
		}()
		e.idle <- e.newClient()
		return context.Cause(ctx)
	}
}

// tessClient is one gosseract client; only the goroutine holding it may use it.
type tessClient struct {
	tc *gosseract.Client
}

func (e *Engine) newClient() *tessClient {
	tc := gosseract.NewClient()
	if e.cfg.TessdataPrefix != "" {
		_ = tc.SetTessdataPrefix(e.cfg.TessdataPrefix) // only records the path
	}
	_ = tc.SetLanguage(e.cfg.Language) // only records the language; checked in NewEngine
	return &tessClient{tc: tc}
}

func (c *tessClient) close() { _ = c.tc.Close() }
