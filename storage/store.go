package storage

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/sohoa/sohoa/domain"
)

// Store is sohoa's PostgreSQL state: a connection pool and an insert-only job client, so that a
// job is enqueued in the same transaction as the row it is about.
type Store struct {
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
	return &Store{pool: pool, jobs: jobs}, nil
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

// translate turns driver errors into the domain's sentinel errors, keeping the original wrapped
// and marked internal, so that its text (constraint names, SQLSTATE) never reaches a person.
func translate(err error) error {
	if err == nil {
		return nil
	}
	var internal *domain.InternalError
	if errors.As(err, &internal) {
		return err
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("%w: %w", domain.ErrNotFound, domain.Internal(err))
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code[:2] {
		case "23": // integrity constraint violation
			if pgErr.Code == "23505" {
				return fmt.Errorf("%w: %w", domain.ErrConflict, domain.Internal(err))
			}
			return fmt.Errorf("%w: %w", domain.ErrInvalid, domain.Internal(err))
		case "08", "53", "57": // connection, resources, operator intervention (shutdown)
			return fmt.Errorf("%w: %w", domain.ErrUnavailable, domain.Internal(err))
		}
		return domain.Internal(err)
	}
	var netErr net.Error
	var connErr *pgconn.ConnectError
	if errors.As(err, &netErr) || errors.As(err, &connErr) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%w: %w", domain.ErrUnavailable, domain.Internal(err))
	}
	return err
}
