package storage

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
)

const scanColumns = `id, ledger_id, page, version, sha256, object_key, bytes, content_type, width, height,
	status, error, station, source_key, source_index, side, created_at, updated_at`

func scanScan(row pgx.CollectableRow) (domain.Scan, error) {
	var s domain.Scan
	err := row.Scan(&s.ID, &s.LedgerID, &s.Page, &s.Version, &s.SHA256, &s.ObjectKey, &s.Bytes, &s.ContentType,
		&s.Width, &s.Height, &s.Status, &s.Error, &s.Station, &s.SourceKey, &s.SourceIndex, &s.Side, &s.CreatedAt, &s.UpdatedAt)
	return s, err
}

// InsertScan adds a scan row as the next version of its page and sets ID, Version and Status.
// Call it in the transaction that also enqueues the scan's processing job.
func (t *Tx) InsertScan(ctx context.Context, sc *domain.Scan) error {
	// Serialise versions of one page: two uploads of the same page at once must not both be version 2.
	if _, err := t.tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, $2)`, int32(sc.LedgerID), int32(sc.Page)); err != nil {
		return fmt.Errorf("insert scan: %w", translate(err))
	}
	err := t.tx.QueryRow(ctx, `
		INSERT INTO scans (ledger_id, page, version, sha256, object_key, bytes, content_type, width, height, station,
		                   source_key, source_index, side)
		VALUES ($1, $2, (SELECT coalesce(max(version), 0) + 1 FROM scans WHERE ledger_id = $1 AND page = $2),
		        $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
		RETURNING id, version, status, created_at, updated_at`,
		sc.LedgerID, sc.Page, sc.SHA256, sc.ObjectKey, sc.Bytes, sc.ContentType, sc.Width, sc.Height, sc.Station,
		sc.SourceKey, sc.SourceIndex, sc.Side,
	).Scan(&sc.ID, &sc.Version, &sc.Status, &sc.CreatedAt, &sc.UpdatedAt)
	if err != nil {
		return fmt.Errorf("insert scan: %w", translate(err))
	}
	// Every upload is audited, whichever way it came in: the station, the ledger's page, the content.
	actor := "system"
	if sc.Station != "" {
		actor = "station:" + sc.Station
	}
	err = audit(ctx, t.tx, actor, nil, "scan.upload", "scan", sc.ID, nil, map[string]any{"ledger_id": sc.LedgerID,
		"page": sc.Page, "version": sc.Version, "sha256": sc.SHA256, "bytes": sc.Bytes})
	if err != nil {
		return fmt.Errorf("insert scan: audit: %w", translate(err))
	}
	return nil
}

// CommitScans is the last step of an upload, in one transaction: each scan whose page already
// has exactly this content (and side) is returned as it is; the others are inserted with the
// jobs that process them; the upload's pending marks are cleared. created says whether any
// scan is new. The originals must be stored (and marked pending under uploadID) before.
func (s *Store) CommitScans(ctx context.Context, uploadID string, scans []domain.Scan) (out []domain.Scan, created bool, err error) {
	err = s.InTx(ctx, func(ctx context.Context, tx *Tx) error {
		out, created = make([]domain.Scan, len(scans)), false
		for i, sc := range scans {
			old, err := tx.ScanByContent(ctx, sc.LedgerID, sc.Page, sc.SHA256, sc.Side)
			if err == nil {
				out[i] = old
				continue
			}
			if !errors.Is(err, domain.ErrNotFound) {
				return err
			}
			if err := tx.InsertScan(ctx, &sc); err != nil {
				return err
			}
			if err := tx.Enqueue(ctx, domain.ProcessScanJob{ScanID: sc.ID}); err != nil {
				return err
			}
			out[i], created = sc, true
		}
		return tx.ClearPending(ctx, uploadID)
	})
	return out, created, err
}

// ScanByContent finds the scan of a ledger's page with exactly this content (and side of a
// spread), for idempotent uploads.
func (t *Tx) ScanByContent(ctx context.Context, ledgerID int64, page int, sha256hex, side string) (domain.Scan, error) {
	rows, _ := t.tx.Query(ctx, `SELECT `+scanColumns+` FROM scans WHERE ledger_id = $1 AND page = $2 AND sha256 = $3 AND side = $4`,
		ledgerID, page, sha256hex, side)
	sc, err := pgx.CollectExactlyOneRow(rows, scanScan)
	if err != nil {
		return sc, fmt.Errorf("scan of ledger %d page %d: %w", ledgerID, page, translate(err))
	}
	return sc, nil
}

// RecordCount is the number of entries found on a scan.
func (s *Store) RecordCount(ctx context.Context, scanID int64) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM records WHERE scan_id = $1`, scanID).Scan(&n)
	return n, translate(err)
}

// Scan returns one scan.
func (s *Store) Scan(ctx context.Context, id int64) (domain.Scan, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+scanColumns+` FROM scans WHERE id = $1`, id)
	sc, err := pgx.CollectExactlyOneRow(rows, scanScan)
	if err != nil {
		return sc, fmt.Errorf("scan %d: %w", id, translate(err))
	}
	return sc, nil
}

// LastEntryNumber is the highest entry number on page of the ledger, in the newest version of
// that page with entries (the clerk's value once keyed, else what was read): the number the next
// page's entries follow on from. domain.ErrNotFound when the page has no numbered entry.
func (s *Store) LastEntryNumber(ctx context.Context, ledgerID int64, page int) (int, error) {
	var n *int
	err := s.pool.QueryRow(ctx, `SELECT max(f.value::int) FROM fields f
		JOIN records r ON r.id = f.record_id
		JOIN scans s ON s.id = r.scan_id
		WHERE s.ledger_id = $1 AND s.page = $2 AND f.name = 'entry_no' AND f.value ~ '^[0-9]{1,9}$'
		  AND s.version = (SELECT max(s2.version) FROM scans s2 JOIN records r2 ON r2.scan_id = s2.id
		                   WHERE s2.ledger_id = $1 AND s2.page = $2)`, ledgerID, page).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("last entry number of ledger %d page %d: %w", ledgerID, page, translate(err))
	}
	if n == nil {
		return 0, fmt.Errorf("last entry number of ledger %d page %d: %w", ledgerID, page, domain.ErrNotFound)
	}
	return *n, nil
}

// SetScanStatus moves a scan to a new status, with the reason when it failed.
func (s *Store) SetScanStatus(ctx context.Context, id int64, status domain.ScanStatus, reason string) error {
	tag, err := s.pool.Exec(ctx, `UPDATE scans SET status = $2, error = $3, updated_at = now() WHERE id = $1`, id, status, reason)
	if err != nil {
		return fmt.Errorf("set scan %d status: %w", id, translate(err))
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("set scan %d status: %w", id, domain.ErrNotFound)
	}
	return nil
}

// SetScanSize records the pixel size of a scan's original, measured by the pipeline.
func (s *Store) SetScanSize(ctx context.Context, id int64, width, height int) error {
	_, err := s.pool.Exec(ctx, `UPDATE scans SET width = $2, height = $3, updated_at = now() WHERE id = $1`, id, width, height)
	if err != nil {
		return fmt.Errorf("set scan %d size: %w", id, translate(err))
	}
	return nil
}

// SetScanClean records the cleaned page image stored for a scan and its size.
func (s *Store) SetScanClean(ctx context.Context, id int64, key string, width, height int) error {
	_, err := s.pool.Exec(ctx, `UPDATE scans SET clean_key = $2, clean_width = $3, clean_height = $4, updated_at = now() WHERE id = $1`,
		id, key, width, height)
	if err != nil {
		return fmt.Errorf("set scan %d clean image: %w", id, translate(err))
	}
	return nil
}

// SaveExtraction stores the entries OCR found on a scan and puts the scan in review, in one
// transaction. Entries of an earlier run that nobody has touched are replaced; reviewed ones stay.
// What changed is counted for a reprocess run that asked for this reading (reprocess.go).
func (s *Store) SaveExtraction(ctx context.Context, scanID int64, records []domain.Record) error {
	return s.InTx(ctx, func(ctx context.Context, tx *Tx) error {
		_, err := tx.saveExtraction(ctx, scanID, records)
		return err
	})
}
