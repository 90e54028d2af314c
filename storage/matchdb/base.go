package matchdb

import "github.com/jackc/pgx/v5/pgxpool"

// MatchDB reads and writes over storage's pool; storage.Store embeds it.
type MatchDB struct {
	pool *pgxpool.Pool
}

// New returns the queries over pool.
func New(pool *pgxpool.Pool) *MatchDB { return &MatchDB{pool: pool} }

// Store is MatchDB under the name its methods were written with in storage (git follows the moved
// files when they stay the same), so a method reads "func (s *Store)" as it did there.
type Store = MatchDB
