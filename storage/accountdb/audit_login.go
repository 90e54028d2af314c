package accountdb

import (
	"context"
	"fmt"

	"github.com/sohoa/sohoa/storage/pgbase"
)

// AuditLogin records a login attempt that was evaluated: the name typed, the account (0 when no
// such account is enabled), whether it succeeded, and the client address.
func (s *Store) AuditLogin(ctx context.Context, username string, userID int64, ok bool, addr string) error {
	action := "login.failure"
	if ok {
		action = "login.success"
	}
	var uid *int64
	if userID > 0 {
		uid = &userID
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO audit_events (actor, user_id, action, entity, entity_id, new)
		VALUES ($1, $2, $3, 'user', $4, $5)`, username, uid, action, userID, pgbase.JSON(map[string]any{"addr": addr}))
	if err != nil {
		return fmt.Errorf("audit login: %w", pgbase.Translate(err))
	}
	return nil
}
