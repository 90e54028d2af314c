package main

import (
	"context"
	"errors"
	"io"
	"log/slog"

	"github.com/sohoa/sohoa/config"
)

func runWorker(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := loadConfig("worker", "worker [flags]", args, stderr, func(c *config.Config) error {
		if err := c.Validate(); err != nil {
			return err
		}
		if c.Workers < 1 {
			return errors.New("SOHOA_WORKERS (--workers): a worker process needs at least 1")
		}
		return nil
	})
	if err != nil {
		return err
	}
	logger := cfg.Logger(stderr)
	a, err := open(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer a.close()
	stop, err := a.startWorkers(ctx)
	if err != nil {
		return err
	}
	<-ctx.Done()
	logger.Info("stopping workers: finishing running jobs", slog.Duration("grace", cfg.Shutdown))
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cfg.Shutdown)
	defer cancel()
	return stop(sctx)
}
