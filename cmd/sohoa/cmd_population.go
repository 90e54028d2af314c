package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/population"
	"github.com/sohoa/sohoa/synth/people"
)

// runPopulation imports a population extract (`population import FILE`) or writes a synthetic
// one with register entries and their truth (`population synth --out DIR`).
func runPopulation(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "import" && args[0] != "synth") {
		fmt.Fprintln(stderr, "Usage: sohoa population import [--format csv|jsonl] FILE | population synth --out DIR [flags]")
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return flag.ErrHelp
		}
		return errors.New("population: say import or synth")
	}
	if args[0] == "synth" {
		return runPopulationSynth(args[1:], stderr)
	}
	fs := newFlagSet("population", "population import [--format csv|jsonl] FILE", stderr)
	format := fs.String("format", "", "csv or jsonl (default: from the file name, csv otherwise)")
	batch := fs.Int("batch", 5000, "rows per transaction")
	cfg, err := config.Load(fs, os.Getenv)
	if err != nil {
		return err
	}
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("population import: name one FILE (CSV with the header so_dinh_danh,ho_ten,…, or JSON lines)")
	}
	if err := cfg.ValidateDatabase(); err != nil {
		return err
	}
	name := fs.Arg(0)
	if *format == "" {
		*format = "csv"
		if strings.HasSuffix(name, ".jsonl") || strings.HasSuffix(name, ".ndjson") {
			*format = "jsonl"
		}
	}
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	store, err := openStore(ctx, cfg, io.Discard)
	if err != nil {
		return err
	}
	defer store.Close()
	_, err = population.Import(ctx, f, store, population.Options{Format: *format, Batch: *batch, Progress: stderr})
	if err != nil {
		return fmt.Errorf("import %s: %w", name, err)
	}
	return nil
}

// runPopulationSynth writes DIR/citizens.csv, DIR/entries.jsonl and DIR/truth.csv.
func runPopulationSynth(args []string, stderr io.Writer) error {
	fs := newFlagSet("population", "population synth --out DIR [--citizens N] [--entries M] [--seed S]", stderr)
	out := fs.String("out", "", "folder to write citizens.csv, entries.jsonl and truth.csv into")
	citizens := fs.Int("citizens", 1_000_000, "citizens in the extract")
	entries := fs.Int("entries", 5000, "register entries derived from them")
	seed := fs.Uint64("seed", 1, "random seed")
	absent := fs.Float64("absent", 0.1, "share of entries whose person is not in the extract")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || *citizens <= 0 || *entries < 0 || *absent < 0 || *absent > 1 {
		return errors.New("population synth: --out DIR is required, --citizens > 0, --entries ≥ 0, 0 ≤ --absent ≤ 1")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	files := map[string]*os.File{}
	for _, n := range []string{"citizens.csv", "entries.jsonl", "truth.csv"} {
		f, err := os.Create(filepath.Join(*out, n))
		if err != nil {
			return err
		}
		defer f.Close()
		files[n] = f
	}
	cw, err := population.NewWriter(files["citizens.csv"])
	if err != nil {
		return err
	}
	enc := json.NewEncoder(files["entries.jsonl"])
	enc.SetEscapeHTML(false)
	tw := csv.NewWriter(files["truth.csv"])
	_ = tw.Write([]string{"id", "so_dinh_danh"})
	err = people.Generate(people.Options{Citizens: *citizens, Entries: *entries, Seed: *seed, Absent: *absent},
		func(c domain.Citizen) error { return cw.Write(c) },
		func(e people.Entry) error {
			if err := tw.Write([]string{e.ID, e.Truth}); err != nil {
				return err
			}
			return enc.Encode(e)
		})
	if err == nil {
		err = cw.Flush()
	}
	if tw.Flush(); err == nil {
		err = tw.Error()
	}
	for _, f := range files {
		if cerr := f.Close(); err == nil && cerr != nil && !errors.Is(cerr, os.ErrClosed) {
			err = cerr
		}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "wrote %d citizens and %d entries to %s\n", *citizens, *entries, *out)
	return nil
}
