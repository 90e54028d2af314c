package storage

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage/pgbase"
)

// audit appends an event to the audit trail, in the caller's transaction (pgbase.Audit).
func audit(ctx context.Context, tx pgx.Tx, actor string, userID *int64, action, entity string, id int64, old, new any) error {
	return pgbase.Audit(ctx, tx, actor, userID, action, entity, id, old, new)
}

// queueAudit adds an audit event to a batch sent in the caller's transaction (pgbase.QueueAudit).
func queueAudit(b *pgx.Batch, actor string, userID *int64, action, entity string, id int64, old, new any) {
	pgbase.QueueAudit(b, actor, userID, action, entity, id, old, new)
}

// AuditTrail returns the events about one entity, oldest first.
func (s *Store) AuditTrail(ctx context.Context, entity string, id int64) ([]domain.AuditEvent, error) {
	rows, _ := s.pool.Query(ctx, `SELECT id, at, actor, user_id, action, entity, entity_id, old, new
		FROM audit_events WHERE entity = $1 AND entity_id = $2 ORDER BY id`, entity, id)
	evs, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.AuditEvent, error) {
		var e domain.AuditEvent
		var o, n []byte
		err := row.Scan(&e.ID, &e.At, &e.Actor, &e.UserID, &e.Action, &e.Entity, &e.EntityID, &o, &n)
		if err == nil && o != nil {
			err = json.Unmarshal(o, &e.Old)
		}
		if err == nil && n != nil {
			err = json.Unmarshal(n, &e.New)
		}
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("audit trail of %s %d: %w", entity, id, translate(err))
	}
	return evs, nil
}
