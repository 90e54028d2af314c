package main

import (
	"context"
	"fmt"
	"io"

	"github.com/sohoa/sohoa/config"
)

func runMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := loadConfig("migrate", "migrate [flags]", args, stderr, (*config.Config).ValidateDatabase)
	if err != nil {
		return err
	}
	store, err := openStore(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	defer store.Close()
	v, err := store.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "schema at version %d\n", v)
	return nil
}
