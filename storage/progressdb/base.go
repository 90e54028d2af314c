package progressdb

import (
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage/pgbase"
)

// ProgressDB reads and writes over storage's pool; storage.Store embeds it.
type ProgressDB struct {
	pool *pgxpool.Pool
	plan func() domain.CheckPlan // the installation's verification stages, as storage holds them
}

// New returns the queries over pool; plan gives the installation's check plan when asked.
func New(pool *pgxpool.Pool, plan func() domain.CheckPlan) *ProgressDB {
	return &ProgressDB{pool: pool, plan: plan}
}

// Store is ProgressDB under the name its methods were written with in storage (git follows the
// moved files when they stay the same), so a method reads "func (s *Store)" as it did there.
type Store = ProgressDB

// InUnitLedgers is the SQL condition keeping the rows of a ledger column under one unit and
// communes (storage's check rates use it).
func InUnitLedgers(unit string, communes []string, n int, column string) string {
	return inUnitLedgers(unit, communes, n, column)
}

func (s *Store) defaultStages() []string { return pgbase.Stages(s.plan()) }
