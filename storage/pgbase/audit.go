package pgbase

import (
	"context"
	"encoding/json"

	"github.com/jackc/pgx/v5"
)

// Audit appends an event to the audit trail, in the caller's transaction.
func Audit(ctx context.Context, tx pgx.Tx, actor string, userID *int64, action, entity string, id int64, old, new any) error {
	enc := func(v any) ([]byte, error) {
		if v == nil {
			return nil, nil
		}
		return json.Marshal(v)
	}
	o, err := enc(old)
	if err != nil {
		return err
	}
	n, err := enc(new)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO audit_events (actor, user_id, action, entity, entity_id, old, new)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, actor, userID, action, entity, id, o, n)
	return err
}

// QueueAudit adds an audit event to a batch sent in the caller's transaction.
func QueueAudit(b *pgx.Batch, actor string, userID *int64, action, entity string, id int64, old, new any) {
	b.Queue(`INSERT INTO audit_events (actor, user_id, action, entity, entity_id, old, new)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, actor, userID, action, entity, id, JSON(old), JSON(new))
}

// JSON is v as JSON, nil when it cannot be encoded.
func JSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

// NonNil is s, or an empty slice when s is nil (JSON [] rather than null).
func NonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
