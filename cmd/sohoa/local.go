package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"

	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/internal/devsvc"
	"github.com/sohoa/sohoa/storage"
)

// appRole is the database role sohoa runs as on the PostgreSQL that `sohoa up` starts.
const appRole = "sohoa_app"

// localServices starts a private PostgreSQL and/or MinIO under dir for whichever of the two cfg
// does not configure, and points cfg at them. stop ends them, MinIO first.
func localServices(ctx context.Context, cfg *config.Config, dir string, fast bool, logger *slog.Logger) (stop func() error, err error) {
	var stops []func() error
	stopAll := func() error {
		var errs []error
		for i := len(stops) - 1; i >= 0; i-- {
			errs = append(errs, stops[i]())
		}
		return errors.Join(errs...)
	}
	defer func() {
		if err != nil {
			_ = stopAll()
		}
	}()
	if cfg.DatabaseURL == "" {
		pg, err := devsvc.StartPostgres(ctx, filepath.Join(dir, "postgres"), devsvc.PostgresOptions{Fast: fast})
		if err != nil {
			return nil, fmt.Errorf("start PostgreSQL: %w", err)
		}
		stops = append(stops, pg.Stop)
		if err := storage.CreateDatabase(ctx, pg.URL("postgres"), "sohoa"); err != nil {
			return nil, err
		}
		// Migrations run as the cluster's owner; the service runs as a role that owns nothing, so
		// it cannot alter the audit trail's trigger.
		if err := storage.EnsureRole(ctx, pg.URL("postgres"), appRole, ""); err != nil {
			return nil, err
		}
		cfg.MigrateDatabaseURL = pg.URL("sohoa")
		cfg.DatabaseURL = strings.Replace(pg.URL("sohoa"), "://"+devsvc.SuperUser+"@", "://"+appRole+"@", 1)
		logger.Info("started PostgreSQL", slog.String("data", pg.Dir), slog.Int("port", pg.Port))
	}
	if cfg.S3.Endpoint == "" {
		m, err := devsvc.StartMinIO(ctx, filepath.Join(dir, "minio"), 0)
		if err != nil {
			return nil, fmt.Errorf("start MinIO: %w", err)
		}
		stops = append(stops, m.Stop)
		cfg.S3.Endpoint, cfg.S3.AccessKey, cfg.S3.SecretKey = "http://"+m.Endpoint(), m.AccessKey, m.SecretKey
		logger.Info("started MinIO", slog.String("data", m.Dir), slog.Int("port", m.Port))
	}
	return stopAll, nil
}
