package storage

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
)

// UpdateLedger changes a ledger's description (commune, kind, book, years, expected counts) for
// a supervisor, audited old → new. The commune must be a known commune code.
func (s *Store) UpdateLedger(ctx context.Context, l domain.Ledger, u domain.User) error {
	if err := l.Validate(); err != nil {
		return err
	}
	ok, err := s.CommuneExists(ctx, l.CommuneCode)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%w: commune code %q is not a known commune", domain.ErrInvalid, l.CommuneCode)
	}
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `SELECT `+ledgerColumns+` FROM ledgers WHERE id = $1 FOR UPDATE`, l.ID)
		old, err := pgx.CollectExactlyOneRow(rows, scanLedger)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE ledgers SET commune_code = $2, kind = $3, book = $4, year_from = $5, year_to = $6,
			expected_entries = $7, expected_pages = $8 WHERE id = $1`,
			l.ID, l.CommuneCode, l.Kind, l.Book, l.YearFrom, l.YearTo, l.ExpectedEntries, l.ExpectedPages); err != nil {
			return err
		}
		return audit(ctx, tx, u.Username, &u.ID, "ledger.update", "ledger", l.ID, old, l)
	})
	if err != nil {
		return fmt.Errorf("update ledger %d: %w", l.ID, translate(err))
	}
	return nil
}
