package storage

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
)

// RetryScan sends a failed scan through the pipeline again.
func (s *Store) RetryScan(ctx context.Context, scanID int64, u domain.User) error {
	return s.InTx(ctx, func(ctx context.Context, tx *Tx) error {
		tag, err := tx.tx.Exec(ctx, `UPDATE scans SET status = 'uploaded', error = '', updated_at = now() WHERE id = $1 AND status = 'failed'`, scanID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return fmt.Errorf("scan %d is not failed: %w", scanID, domain.ErrConflict)
		}
		if err := audit(ctx, tx.tx, u.Username, &u.ID, "scan.retry", "scan", scanID, map[string]any{"status": "failed"}, map[string]any{"status": "uploaded"}); err != nil {
			return err
		}
		return tx.Enqueue(ctx, domain.ProcessScanJob{ScanID: scanID})
	})
}

// FailedScans lists the failed pages a user may see, for supervisors to retry.
func (s *Store) FailedScans(ctx context.Context, u domain.User) ([]domain.Scan, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+scanColumns+` FROM scans WHERE status = 'failed'
		AND ($2 OR ledger_id IN (SELECT l.id FROM ledgers l JOIN user_communes c ON c.commune_code = l.commune_code WHERE c.user_id = $1))
		ORDER BY updated_at DESC LIMIT 200`, u.ID, u.SeesAll())
	scans, err := pgx.CollectRows(rows, scanScan)
	if err != nil {
		return nil, fmt.Errorf("failed scans: %w", translate(err))
	}
	return scans, nil
}
