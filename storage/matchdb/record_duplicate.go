package matchdb

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"

	"github.com/sohoa/sohoa/storage/pgbase"
)

// FindDuplicates records pairs of confirmed entries, one of them among ids, that may name the
// same person: linked to the same citizen, or (for births) the same accent-folded name (unaccent),
// date of birth and mother's name. Pairs are only listed for a supervisor, never merged.
func (s *Store) FindDuplicates(ctx context.Context, ids []int64) (int64, error) {
	var n int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO record_duplicates (record_a, record_b, reason, so_dinh_danh)
			SELECT DISTINCT a.record_id, b.record_id, 'same_citizen', a.so_dinh_danh
			FROM record_matches a JOIN record_matches b ON b.so_dinh_danh = a.so_dinh_danh AND b.record_id > a.record_id
			WHERE a.status IN ('proposed', 'accepted') AND b.status IN ('proposed', 'accepted')
				AND (a.record_id = ANY($1) OR b.record_id = ANY($1))
			ON CONFLICT (record_a, record_b) DO NOTHING`, ids)
		if err != nil {
			return err
		}
		n += tag.RowsAffected()
		tag, err = tx.Exec(ctx, `WITH e AS (
				SELECT r.id, lower(unaccent(fn.value)) AS name, bd.value AS born, lower(unaccent(coalesce(mn.value, ''))) AS mother
				FROM records r
				JOIN fields fn ON fn.record_id = r.id AND fn.name = 'full_name'
				JOIN fields bd ON bd.record_id = r.id AND bd.name = 'birth_date'
				LEFT JOIN fields mn ON mn.record_id = r.id AND mn.name = 'mother_name'
				WHERE r.status = 'confirmed' AND r.kind = 'khai-sinh' AND fn.value <> '' AND bd.value <> '')
			INSERT INTO record_duplicates (record_a, record_b, reason)
			SELECT a.id, b.id, 'same_name_birth_mother' FROM e a JOIN e b
				ON b.name = a.name AND b.born = a.born AND b.mother = a.mother AND b.id > a.id
			WHERE a.id = ANY($1) OR b.id = ANY($1)
			ON CONFLICT (record_a, record_b) DO NOTHING`, ids)
		n += tag.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("find duplicates: %w", pgbase.Translate(err))
	}
	return n, nil
}

// Duplicates lists the pairs still open whose two entries the user sees, oldest first.
func (s *Store) Duplicates(ctx context.Context, u domain.User, limit int) ([]domain.DuplicatePair, error) {
	rows, _ := s.pool.Query(ctx, `SELECT id, record_a, record_b, reason, coalesce(so_dinh_danh, ''), status, found_at
		FROM record_duplicates WHERE status = 'open' AND `+seenRecord("record_a", "$2", "$3")+`
		AND `+seenRecord("record_b", "$2", "$3")+` ORDER BY id LIMIT $1`, limit, u.SeesAll(), u.ID)
	ps, err := pgx.CollectRows(rows, pgx.RowToStructByPos[domain.DuplicatePair])
	if err != nil {
		return nil, fmt.Errorf("duplicates: %w", pgbase.Translate(err))
	}
	return ps, nil
}

// DecideDuplicate records a supervisor's verdict on a pair: the same person ("same") or two
// people ("different"). Neither entry is changed. A pair with an entry outside the user's
// communes is not found.
func (s *Store) DecideDuplicate(ctx context.Context, id int64, u domain.User, status string) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var old string
		if err := tx.QueryRow(ctx, `SELECT status FROM record_duplicates WHERE id = $1
			AND `+seenRecord("record_a", "$2", "$3")+` AND `+seenRecord("record_b", "$2", "$3")+` FOR UPDATE`,
			id, u.SeesAll(), u.ID).Scan(&old); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE record_duplicates SET status = $2, decided_by = $3, decided_at = now() WHERE id = $1`,
			id, status, u.ID); err != nil {
			return err
		}
		return pgbase.Audit(ctx, tx, u.Username, &u.ID, "duplicate.decide", "duplicate", id,
			map[string]any{"status": old}, map[string]any{"status": status})
	})
	if err != nil {
		return fmt.Errorf("decide duplicate %d: %w", id, pgbase.Translate(err))
	}
	return nil
}
