package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sohoa/sohoa/complete"
	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
)

// runComplete prints up to --limit candidates for a prefix, best first, one per line. With
// SOHOA_DATABASE_URL set and --commune given, places confirmed in that commune come first;
// otherwise (or with --offline) only the embedded reference data is used. --replay DIR measures
// keystrokes on a synthetic corpus instead.
func runComplete(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("complete", "complete --field TYPE [--commune CODE] [--year YYYY] [--kind KIND] PREFIX\n"+
		"       sohoa complete --replay CORPUS_DIR", stderr)
	field := fs.String("field", "", "what is typed: "+strings.Join(complete.Types, ", ")+", or a template field name (birth_place)")
	commune := fs.String("commune", "", "GSO code of the register's commune: its places first")
	year := fs.Int("year", 0, "the register's year: units in force then first, and the century of short dates")
	kind := fs.String("kind", "", "register kind: khai-sinh, ket-hon or khai-tu")
	limit := fs.Int("limit", 10, "most candidates printed")
	offline := fs.Bool("offline", false, "do not use the database even when SOHOA_DATABASE_URL is set")
	replay := fs.String("replay", "", "replay the truth of a `sohoa synth` corpus through the engine and print keystrokes")
	cfg, err := config.Load(fs, os.Getenv)
	if err != nil {
		return err
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *replay != "" {
		return replayCorpus(ctx, *replay, stdout)
	}
	typ := *field
	if t := complete.TypeOf(typ); t != "" {
		typ = t
	}
	q := complete.Query{Type: typ, Prefix: strings.Join(fs.Args(), " "), Commune: *commune, Year: *year, Limit: *limit}
	if *kind != "" {
		if q.Kind, err = domain.ParseKind(*kind); err != nil {
			return fmt.Errorf("--kind: %w", err)
		}
	}
	if fs.NArg() == 0 || typ == "" {
		fs.Usage()
		return errors.New("complete: give --field and a prefix")
	}
	var confirmed complete.ConfirmedPlaces
	if cfg.DatabaseURL != "" && *commune != "" && !*offline {
		store, err := storage.Open(ctx, cfg.DatabaseURL)
		if err != nil {
			return err
		}
		defer store.Close()
		confirmed = store
	}
	engine, err := complete.New(confirmed)
	if err != nil {
		return err
	}
	got, err := engine.Complete(ctx, q)
	if err != nil {
		if errors.Is(err, complete.ErrUnknownType) {
			return fmt.Errorf("--field %q: say one of %s, or a template field name", *field, strings.Join(complete.Types, ", "))
		}
		return fmt.Errorf("%w (SOHOA_DATABASE_URL; --offline to complete without it)", err)
	}
	for _, c := range got {
		fmt.Fprintln(stdout, c.Value)
	}
	return nil
}
