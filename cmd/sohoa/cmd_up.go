package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/sohoa/sohoa/config"
)

// runUp runs the whole service locally: its own PostgreSQL and MinIO under --data-dir unless
// SOHOA_DATABASE_URL / SOHOA_S3_ENDPOINT point elsewhere, migrated, with demo data.
func runUp(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("up", "up [flags]", stderr)
	cfg, err := config.Load(fs, os.Getenv)
	if err != nil {
		return err
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	logger := cfg.Logger(stderr)
	stop, err := localServices(ctx, cfg, cfg.DataDir, false, logger)
	if err != nil {
		return err
	}
	defer func() {
		if err := stop(); err != nil {
			logger.Error("stopping local services", slog.Any("error", err))
		}
	}()
	if err := cfg.Validate(); err != nil {
		return err
	}
	if err := writeUpEnv(cfg); err != nil {
		return err
	}
	a, err := open(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer a.close()
	demoPages, err := loadDemo(ctx, a, cfg.DataDir, stdout)
	if err != nil {
		return fmt.Errorf("demo data: %w", err)
	}
	return a.serve(ctx, func(addr string) {
		fmt.Fprintf(stdout, "\nsohoa is up: http://%s/  (ready check: http://%s/readyz)\n", addr, addr)
		fmt.Fprintf(stdout, "data kept in %s; Ctrl-C stops everything, the next run reuses the data\n", cfg.DataDir)
		fmt.Fprintf(stdout, "settings in %s: `sohoa token create` and `sohoa user add` use them (same --data-dir)\n\n", upEnvFile(cfg.DataDir))
		go func() {
			if err := demoPages(ctx); err != nil && ctx.Err() == nil {
				logger.Error("demo pages", slog.Any("error", err))
			}
		}()
	})
}
