package storage

import (
	"context"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage/accountdb"
	"github.com/sohoa/sohoa/storage/exportdb"
	"github.com/sohoa/sohoa/storage/matchdb"
	"github.com/sohoa/sohoa/storage/pgbase"
	"github.com/sohoa/sohoa/storage/progressdb"
)

// Store is sohoa's PostgreSQL state: a connection pool and an insert-only job client, so that a
// job is enqueued in the same transaction as the row it is about.
//
// The progress, account, export and population-matching queries live in their own packages over the same
// pool (progressdb, accountdb, exportdb, matchdb); Store embeds them, so their methods are Store's.
type Store struct {
	*progressdb.ProgressDB
	*accountdb.AccountDB
	*exportdb.ExportDB
	*matchdb.MatchDB

	pool   *pgxpool.Pool
	jobs   *river.Client[pgx.Tx]
	checks atomic.Pointer[domain.CheckPlan] // the installation's verification stages (SetCheckPlan)
}

// Open connects to PostgreSQL. It does not migrate; call Migrate.
func Open(ctx context.Context, databaseURL string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("parse SOHOA_DATABASE_URL: %w", err)
	}
	if cfg.ConnConfig.ConnectTimeout == 0 || cfg.ConnConfig.ConnectTimeout > 5*time.Second {
		cfg.ConnConfig.ConnectTimeout = 5 * time.Second
	}
	cfg.MaxConns = max(cfg.MaxConns, 20)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	jobs, err := river.NewClient(riverpgxv5.New(pool), &river.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("job client: %w", err)
	}
	s := &Store{pool: pool, jobs: jobs}
	s.ProgressDB, s.ExportDB = progressdb.New(pool, s.CheckPlan), exportdb.New(pool, s.CheckPlan)
	s.MatchDB, s.AccountDB = matchdb.New(pool), accountdb.New(pool)
	return s, nil
}

// Close releases the pool.
func (s *Store) Close() { s.pool.Close() }

// Ping checks that PostgreSQL answers a query within ctx.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.pool.QueryRow(ctx, "SELECT 1").Scan(&one); err != nil {
		return fmt.Errorf("ping database: %w", translate(err))
	}
	return nil
}

// Actor is who changes an account, for the audit trail (accountdb.Actor).
type Actor = accountdb.Actor

// Tx is a transaction in which rows and the jobs about them are written together.
type Tx struct {
	tx   pgx.Tx
	jobs *river.Client[pgx.Tx]
}

// InTx runs fn in a transaction, committed when fn returns nil and rolled back otherwise.
func (s *Store) InTx(ctx context.Context, fn func(ctx context.Context, tx *Tx) error) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		return fn(ctx, &Tx{tx: tx, jobs: s.jobs})
	})
	return translate(err)
}

// Enqueue inserts a background job in this transaction: it runs only if the transaction commits.
func (t *Tx) Enqueue(ctx context.Context, args river.JobArgs) error {
	if _, err := t.jobs.InsertTx(ctx, t.tx, args, nil); err != nil {
		return fmt.Errorf("enqueue %s: %w", args.Kind(), translate(err))
	}
	return nil
}

// translate turns driver errors into the domain's sentinel errors (pgbase.Translate).
func translate(err error) error { return pgbase.Translate(err) }
