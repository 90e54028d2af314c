package storage

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
)

const ledgerColumns = `id, commune_code, kind, book, year_from, year_to, expected_entries, expected_pages, created_at`

func scanLedger(row pgx.CollectableRow) (domain.Ledger, error) {
	var l domain.Ledger
	err := row.Scan(&l.ID, &l.CommuneCode, &l.Kind, &l.Book, &l.YearFrom, &l.YearTo, &l.ExpectedEntries, &l.ExpectedPages, &l.CreatedAt)
	return l, err
}

// CreateLedger stores a new ledger and sets its ID. The commune must be a known commune code.
func (s *Store) CreateLedger(ctx context.Context, l *domain.Ledger) error {
	return s.CreateLedgerBy(ctx, l, "system")
}

// CreateLedgerBy is CreateLedger with the actor (a station, a person) named in the audit trail.
// A ledger registered twice is refused with the id of the one already there.
func (s *Store) CreateLedgerBy(ctx context.Context, l *domain.Ledger, actor string) error {
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
		err := tx.QueryRow(ctx, `
			INSERT INTO ledgers (commune_code, kind, book, year_from, year_to, expected_entries, expected_pages)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, created_at`,
			l.CommuneCode, l.Kind, l.Book, l.YearFrom, l.YearTo, l.ExpectedEntries, l.ExpectedPages).Scan(&l.ID, &l.CreatedAt)
		if err != nil {
			return err
		}
		return audit(ctx, tx, actor, nil, "ledger.create", "ledger", l.ID, nil, l)
	})
	if err != nil {
		err = translate(err)
		if errors.Is(err, domain.ErrConflict) {
			return s.ledgerExists(ctx, l, err)
		}
		return fmt.Errorf("create ledger: %w", err)
	}
	return nil
}

// ledgerExists explains a second registration of a ledger with the one already there.
func (s *Store) ledgerExists(ctx context.Context, l *domain.Ledger, cause error) error {
	var id int64
	err := s.pool.QueryRow(ctx, `SELECT id FROM ledgers WHERE commune_code = $1 AND kind = $2 AND book = $3
		AND year_from = $4 AND year_to = $5`, l.CommuneCode, l.Kind, l.Book, l.YearFrom, l.YearTo).Scan(&id)
	if err != nil {
		return fmt.Errorf("create ledger: %w", errors.Join(cause, translate(err)))
	}
	what := fmt.Sprintf("%s %s, %d–%d", l.Kind, l.Book, l.YearFrom, l.YearTo)
	return domain.Public(fmt.Errorf("create ledger: %w: %w", &domain.LedgerExistsError{ID: id}, cause),
		fmt.Sprintf("Sổ này đã có: sổ số %d (%s, xã %s).", id, what, l.CommuneCode),
		fmt.Sprintf("This ledger already exists: ledger %d (%s, commune %s).", id, what, l.CommuneCode))
}

// Ledger returns one ledger.
func (s *Store) Ledger(ctx context.Context, id int64) (domain.Ledger, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+ledgerColumns+` FROM ledgers WHERE id = $1`, id)
	l, err := pgx.CollectExactlyOneRow(rows, scanLedger)
	if err != nil {
		return l, fmt.Errorf("ledger %d: %w", id, translate(err))
	}
	return l, nil
}

// Ledgers lists ledgers, newest first.
func (s *Store) Ledgers(ctx context.Context) ([]domain.Ledger, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+ledgerColumns+` FROM ledgers ORDER BY id DESC`)
	ls, err := pgx.CollectRows(rows, scanLedger)
	if err != nil {
		return nil, fmt.Errorf("list ledgers: %w", translate(err))
	}
	return ls, nil
}

// LedgerProgress counts a ledger's pages, scans and records.
func (s *Store) LedgerProgress(ctx context.Context, id int64) (domain.LedgerProgress, error) {
	l, err := s.Ledger(ctx, id)
	if err != nil {
		return domain.LedgerProgress{}, err
	}
	p := domain.LedgerProgress{LedgerID: id, PagesExpected: l.ExpectedPages, EntriesExpected: l.ExpectedEntries,
		Scans: map[domain.ScanStatus]int{}, Records: map[domain.RecordStatus]int{}}
	// The newest version of each page tells where that page is.
	rows, _ := s.pool.Query(ctx, `
		SELECT status, count(*) FROM (
			SELECT DISTINCT ON (page) status FROM scans WHERE ledger_id = $1 ORDER BY page, version DESC
		) newest GROUP BY status`, id)
	var status string
	var n int
	_, err = pgx.ForEachRow(rows, []any{&status, &n}, func() error {
		p.Scans[domain.ScanStatus(status)] = n
		p.PagesUploaded += n
		return nil
	})
	if err != nil {
		return p, fmt.Errorf("ledger %d progress: %w", id, translate(err))
	}
	rows, _ = s.pool.Query(ctx, `
		SELECT r.status, count(*) FROM records r JOIN scans s ON s.id = r.scan_id
		WHERE s.ledger_id = $1 GROUP BY r.status`, id)
	_, err = pgx.ForEachRow(rows, []any{&status, &n}, func() error {
		p.Records[domain.RecordStatus(status)] = n
		return nil
	})
	if err != nil {
		return p, fmt.Errorf("ledger %d progress: %w", id, translate(err))
	}
	return p, nil
}
