package accountdb

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/storage/pgbase"
)

// DisplayNames maps every username to the account's full name ("" when it has none), so that
// audit trails and lists show people, not logins.
func (s *Store) DisplayNames(ctx context.Context) (map[string]string, error) {
	rows, _ := s.pool.Query(ctx, `SELECT username, display_name FROM users`)
	names := map[string]string{}
	var u, d string
	_, err := pgx.ForEachRow(rows, []any{&u, &d}, func() error {
		names[u] = d
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("display names: %w", pgbase.Translate(err))
	}
	return names, nil
}
