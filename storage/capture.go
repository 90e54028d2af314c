package storage

import (
	"context"
	"fmt"
)

// LastPage is the highest page number a ledger has a scan for (0 when none), so that a phone
// capture goes on from there.
func (s *Store) LastPage(ctx context.Context, ledgerID int64) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, `SELECT coalesce(max(page), 0) FROM scans WHERE ledger_id = $1`, ledgerID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("last page of ledger %d: %w", ledgerID, translate(err))
	}
	return n, nil
}
