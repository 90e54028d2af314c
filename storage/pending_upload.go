package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// MarkPending records, before an upload writes its objects, that they are not acknowledged yet.
func (s *Store) MarkPending(ctx context.Context, uploadID string, keys ...string) error {
	for _, k := range keys {
		if _, err := s.pool.Exec(ctx, `INSERT INTO pending_uploads (object_key, upload_id) VALUES ($1, $2)
			ON CONFLICT DO NOTHING`, k, uploadID); err != nil {
			return fmt.Errorf("mark upload pending: %w", translate(err))
		}
	}
	return nil
}

// ClearPending removes an upload's pending marks in the transaction that inserts its scans.
func (t *Tx) ClearPending(ctx context.Context, uploadID string) error {
	if _, err := t.tx.Exec(ctx, `DELETE FROM pending_uploads WHERE upload_id = $1`, uploadID); err != nil {
		return fmt.Errorf("clear pending upload: %w", translate(err))
	}
	return nil
}

// Unacknowledged returns the keys of objects written by uploads that never committed their scans
// (older than age, so uploads still running are left alone) and that no scan refers to; it forgets
// the pending marks it returns. The caller removes those objects.
func (s *Store) Unacknowledged(ctx context.Context, age time.Duration) ([]string, error) {
	var keys []string
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `
			DELETE FROM pending_uploads p WHERE created_at < now() - $1::interval
			RETURNING object_key,
				EXISTS (SELECT 1 FROM scans s WHERE s.object_key = p.object_key OR s.source_key = p.object_key)
				OR EXISTS (SELECT 1 FROM pending_uploads q WHERE q.object_key = p.object_key AND q.created_at >= now() - $1::interval)`,
			age.String())
		var key string
		var used bool
		_, err := pgx.ForEachRow(rows, []any{&key, &used}, func() error {
			if !used {
				keys = append(keys, key)
			}
			return nil
		})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("find unacknowledged uploads: %w", translate(err))
	}
	return keys, nil
}
