package storage

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/gazetteer"
	"github.com/sohoa/sohoa/storage/pgbase"
)

// loadAdminUnits adds the administrative units shipped with sohoa that the table lacks.
// Existing rows are left alone so that nothing a ledger refers to changes under it.
func (s *Store) loadAdminUnits(ctx context.Context) error {
	units, err := gazetteer.Units()
	if err != nil {
		return err
	}
	var have int
	if err := s.pool.QueryRow(ctx, "SELECT count(*) FROM admin_units").Scan(&have); err != nil {
		return fmt.Errorf("count admin units: %w", translate(err))
	}
	if have >= len(units) {
		return nil
	}
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `CREATE TEMP TABLE admin_units_in (LIKE admin_units INCLUDING DEFAULTS) ON COMMIT DROP`); err != nil {
			return err
		}
		rows := make([][]any, len(units))
		for i, u := range units {
			var parent any
			if u.Parent != "" {
				parent = u.Parent
			}
			rows[i] = []any{u.Code, string(u.Level), u.Name, u.Type, parent}
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"admin_units_in"},
			[]string{"code", "level", "name", "type", "parent_code"}, pgx.CopyFromRows(rows)); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO admin_units SELECT * FROM admin_units_in ON CONFLICT (code) DO NOTHING`)
		return err
	})
	if err != nil {
		return fmt.Errorf("load admin units: %w", translate(err))
	}
	return nil
}

// CommuneExists reports whether code names a commune-level unit.
func (s *Store) CommuneExists(ctx context.Context, code string) (bool, error) {
	return pgbase.CommuneExists(ctx, s.pool, code)
}
