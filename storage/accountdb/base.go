package accountdb

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/sohoa/sohoa/storage/pgbase"
)

// AccountDB reads and writes over storage's pool; storage.Store embeds it.
type AccountDB struct {
	pool *pgxpool.Pool
}

// New returns the queries over pool.
func New(pool *pgxpool.Pool) *AccountDB { return &AccountDB{pool: pool} }

// Store is AccountDB under the name its methods were written with in storage (git follows the
// moved files when they stay the same), so a method reads "func (s *Store)" as it did there.
type Store = AccountDB

// CommuneExists reports whether code names a commune-level unit (storage.Store's own hides it).
func (s *Store) CommuneExists(ctx context.Context, code string) (bool, error) {
	return pgbase.CommuneExists(ctx, s.pool, code)
}
