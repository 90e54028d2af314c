package export

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"

	"github.com/sohoa/sohoa/domain"
)

// Store is what an export needs from storage: the ledger (for its kind), the entries one at a
// time, and a place to record the export.
type Store interface {
	Ledger(ctx context.Context, id int64) (domain.Ledger, error)
	EachExportEntry(ctx context.Context, sc domain.ExportScope, fn func(*domain.ExportEntry) error) error
	RecordExport(ctx context.Context, e *domain.Export) error
}

// Request is one export asked for by a person or the command line.
type Request struct {
	Scope  domain.ExportScope
	Format domain.ExportFormat
	Comma  rune   // CSV separator, ';' or ','; ';' when zero (what spreadsheet programs expect with a decimal comma)
	Actor  string // who asked: a username, or "cli:NAME" for the command line
	UserID *int64
}

// sink writes one file format.
type sink interface {
	write(e *domain.ExportEntry) error
	close() error
	abort()
}

// Resolve checks a request and fills in the kind: a ledger's own kind, or the one given for a
// commune. XLSX and CSV hold one kind per file, so a commune's export in them needs one.
func Resolve(ctx context.Context, st Store, req Request) (Request, error) {
	sc := &req.Scope
	if (sc.LedgerID == 0) == (sc.CommuneCode == "") {
		return req, fmt.Errorf("%w: export one ledger or one commune", domain.ErrInvalid)
	}
	if _, err := domain.ParseExportFormat(string(req.Format)); err != nil {
		return req, err
	}
	if sc.Kind != "" {
		if _, err := domain.ParseKind(string(sc.Kind)); err != nil {
			return req, err
		}
	}
	if sc.LedgerID != 0 {
		l, err := st.Ledger(ctx, sc.LedgerID)
		if err != nil {
			return req, err
		}
		if sc.Kind != "" && sc.Kind != l.Kind {
			return req, fmt.Errorf("%w: ledger %d is %s, not %s", domain.ErrInvalid, l.ID, l.Kind, sc.Kind)
		}
		sc.Kind = l.Kind
	}
	if sc.Kind == "" && req.Format != domain.FormatJSONL {
		return req, fmt.Errorf("%w: a commune's %s export needs a kind (khai-sinh, ket-hon or khai-tu)", domain.ErrInvalid, req.Format)
	}
	if req.Comma == 0 {
		req.Comma = ';'
	}
	return req, nil
}

// FileName is a name for the export's file, e.g. "so-12-khai-sinh.xlsx" or "xa-05461-khai-tu.csv".
func FileName(req Request) string {
	kind := string(req.Scope.Kind)
	if kind == "" {
		kind = "tat-ca"
	}
	if req.Scope.LedgerID != 0 {
		return fmt.Sprintf("so-%d-%s.%s", req.Scope.LedgerID, kind, req.Format)
	}
	return fmt.Sprintf("xa-%s-%s.%s", req.Scope.CommuneCode, kind, req.Format)
}

// Write writes the entries of a resolved request to w in its format and records the export
// (who, when, what, how many, SHA-256 of the bytes written). Nothing is recorded when it fails.
func Write(ctx context.Context, st Store, w io.Writer, req Request) (domain.Export, error) {
	cw := &countingWriter{w: w, sum: sha256.New()}
	var s sink
	var err error
	switch req.Format {
	case domain.FormatXLSX:
		s, err = newXLSXSink(cw, req.Scope.Kind)
	case domain.FormatCSV:
		s, err = newCSVSink(cw, req.Scope.Kind, req.Comma)
	case domain.FormatJSONL:
		s = newJSONLSink(cw)
	default:
		err = fmt.Errorf("%w: export format %q", domain.ErrInvalid, req.Format)
	}
	if err != nil {
		return domain.Export{}, err
	}
	var n int64
	err = st.EachExportEntry(ctx, req.Scope, func(e *domain.ExportEntry) error {
		n++
		return s.write(e)
	})
	if err != nil {
		s.abort()
		return domain.Export{}, fmt.Errorf("export: %w", err)
	}
	if err := s.close(); err != nil {
		return domain.Export{}, fmt.Errorf("export: %w", err)
	}
	e := domain.Export{Actor: req.Actor, UserID: req.UserID, Scope: req.Scope, Format: req.Format,
		Entries: n, Bytes: cw.n, SHA256: hex.EncodeToString(cw.sum.Sum(nil))}
	if err := st.RecordExport(ctx, &e); err != nil {
		return e, err
	}
	return e, nil
}

// countingWriter counts and hashes what passes through it.
type countingWriter struct {
	w   io.Writer
	sum hash.Hash
	n   int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.sum.Write(p[:n])
	c.n += int64(n)
	return n, err
}
