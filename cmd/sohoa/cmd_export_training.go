package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/training"
)

// runExportTraining writes the confirmed fields of a ledger or a commune as line images and
// texts: `sohoa export-training --ledger ID|--commune CODE OUT`.
func runExportTraining(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("export-training", "export-training --ledger ID|--commune CODE OUT", stderr)
	ledger := fs.Int64("ledger", 0, "id of the ledger to export")
	commune := fs.String("commune", "", "GSO code of the commune whose ledgers to export")
	cfg, err := config.Load(fs, os.Getenv)
	if err != nil {
		return err
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 || (*ledger > 0) == (*commune != "") {
		fs.Usage()
		return errors.New("export-training: give either --ledger or --commune, and one output folder")
	}
	if err := errors.Join(cfg.ValidateDatabase(), cfg.ValidateS3()); err != nil {
		return err
	}
	store, err := storage.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer store.Close()
	objects, err := storage.OpenObjects(cfg.S3)
	if err != nil {
		return fmt.Errorf("%w (SOHOA_S3_ENDPOINT=%s)", err, cfg.S3.Endpoint)
	}
	sum, err := training.Export(ctx, store, objects, training.Selection{LedgerID: *ledger, Commune: *commune}, fs.Arg(0))
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d lines from %d pages written to %s (%d boxes outside their page skipped, %d dates left out)\n",
		sum.Lines, sum.Pages, fs.Arg(0), sum.Skipped, sum.Normalised)
	return nil
}
