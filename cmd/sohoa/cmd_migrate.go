package main

import (
	"context"
	"fmt"
	"io"

	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/storage"
)

func runMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := loadConfig("migrate", "migrate [flags]", args, stderr, (*config.Config).ValidateDatabase)
	if err != nil {
		return err
	}
	store, err := storage.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.Migrate(ctx, cfg.Logger(stderr)); err != nil {
		return err
	}
	v, err := store.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "schema at version %d\n", v)
	return nil
}
