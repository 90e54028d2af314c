package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"

	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/export"
)

// runExport writes a ledger's or a commune's finished entries to a file:
// `sohoa export --ledger ID|--commune CODE [--kind KIND] --format xlsx|csv|jsonl --out FILE`.
// The file appears complete or not at all (written beside it, then renamed), and the export is
// recorded with its checksum.
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("export", "export --ledger ID|--commune CODE [--kind KIND] --format xlsx|csv|jsonl --out FILE", stderr)
	ledger := fs.Int64("ledger", 0, "export this ledger's entries")
	commune := fs.String("commune", "", "export the entries of this commune's ledgers (code, e.g. 05461)")
	kind := fs.String("kind", "", "khai-sinh, ket-hon or khai-tu (needed with --commune for xlsx and csv)")
	format := fs.String("format", "xlsx", "xlsx (the civil-status software's import workbook), csv or jsonl")
	sep := fs.String("sep", ";", "CSV separator: ; or ,")
	out := fs.String("out", "", "the file to write")
	all := fs.Bool("all", false, "also export entries set aside as missing / unclear (thiếu / chưa rõ)")
	cfg, err := config.Load(fs, os.Getenv)
	if err != nil {
		return err
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	req, err := exportRequest(*ledger, *commune, *kind, *format, *sep, *all)
	if err != nil {
		return err
	}
	if *out == "" {
		return errors.New("--out is required: name the file to write")
	}
	if err := cfg.ValidateDatabase(); err != nil {
		return err
	}
	store, err := openStore(ctx, cfg, io.Discard)
	if err != nil {
		return err
	}
	defer store.Close()
	if req, err = export.Resolve(ctx, store, req); err != nil {
		return err
	}
	rec, err := writeExportFile(ctx, store, *out, req)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "export %d: %d entries, %d bytes, sha256 %s → %s\n", rec.ID, rec.Entries, rec.Bytes, rec.SHA256, *out)
	return nil
}

// exportRequest turns the flags into a request, checked apart from the database.
func exportRequest(ledger int64, commune, kind, format, sep string, all bool) (export.Request, error) {
	req := export.Request{Scope: domain.ExportScope{LedgerID: ledger, CommuneCode: commune, Kind: domain.Kind(kind), IncludeUnfinished: all},
		Actor: "cli:" + osUser()}
	if (ledger == 0) == (commune == "") {
		return req, errors.New("give --ledger ID or --commune CODE (one of them)")
	}
	f, err := domain.ParseExportFormat(format)
	if err != nil {
		return req, err
	}
	req.Format = f
	switch sep {
	case ";", ",":
		req.Comma = rune(sep[0])
	default:
		return req, fmt.Errorf("--sep %q: want ; or ,", sep)
	}
	return req, nil
}

// writeExportFile writes to a temporary file in the same folder and renames it into place.
func writeExportFile(ctx context.Context, st export.Store, path string, req export.Request) (domain.Export, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.part")
	if err != nil {
		return domain.Export{}, fmt.Errorf("export file: %w", err)
	}
	defer os.Remove(tmp.Name()) // gone after the rename; removes a partial file otherwise
	rec, err := export.Write(ctx, st, tmp, req)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return rec, fmt.Errorf("export file %s: %w", path, err)
	}
	return rec, nil
}

func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "unknown"
}
