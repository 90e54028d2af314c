package pgbase

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// CommuneExists reports whether code names a commune-level unit.
func CommuneExists(ctx context.Context, pool *pgxpool.Pool, code string) (bool, error) {
	var ok bool
	err := pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM admin_units WHERE code = $1 AND level = 'commune')`, code).Scan(&ok)
	return ok, Translate(err)
}
