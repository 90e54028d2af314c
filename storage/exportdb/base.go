package exportdb

import (
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/sohoa/sohoa/domain"
)

// ExportDB reads and writes over storage's pool; storage.Store embeds it.
type ExportDB struct {
	pool *pgxpool.Pool
	plan func() domain.CheckPlan // the installation's verification stages, as storage holds them
}

// New returns the queries over pool; plan gives the installation's check plan when asked.
func New(pool *pgxpool.Pool, plan func() domain.CheckPlan) *ExportDB {
	return &ExportDB{pool: pool, plan: plan}
}

// Store is ExportDB under the name its methods were written with in storage (git follows the
// moved files when they stay the same), so a method reads "func (s *Store)" as it did there.
type Store = ExportDB

// CheckPlan is the installation's verification stages (storage.Store's own CheckPlan hides it).
func (s *Store) CheckPlan() domain.CheckPlan { return s.plan() }
