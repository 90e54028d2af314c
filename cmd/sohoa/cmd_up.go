package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/domain"
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
	a, err := open(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer a.close()
	if err := loadDemo(ctx, a); err != nil {
		return fmt.Errorf("demo data: %w", err)
	}
	return a.serve(ctx, func(addr string) {
		fmt.Fprintf(stdout, "\nsohoa is up: http://%s/  (ready check: http://%s/readyz)\n", addr, addr)
		fmt.Fprintf(stdout, "data kept in %s; Ctrl-C stops everything, the next run reuses the data\n\n", cfg.DataDir)
	})
}

// loadDemo gives an empty database a demo ledger to work with.
func loadDemo(ctx context.Context, a *app) error {
	ledgers, err := a.store.Ledgers(ctx)
	if err != nil || len(ledgers) > 0 {
		return err
	}
	l := &domain.Ledger{CommuneCode: "05461", Kind: domain.KindBirth, Book: "01/1990", YearFrom: 1990, YearTo: 1995, ExpectedEntries: 1200}
	if err := a.store.CreateLedger(ctx, l); err != nil && !errors.Is(err, domain.ErrConflict) {
		return err
	}
	a.logger.Info("demo ledger created", slog.Int64("ledger_id", l.ID), slog.String("commune", "Phường Gia Sàng, Thái Nguyên"))
	return nil
}
