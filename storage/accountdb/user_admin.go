package accountdb

import (
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"

	"github.com/sohoa/sohoa/storage/pgbase"
)

// Actor is who changes an account, for the audit trail: a person (with their id) or "cli".
type Actor struct {
	Name string
	ID   *int64
}

// UserID finds an account by username.
func (s *Store) UserID(ctx context.Context, username string) (int64, error) {
	var id int64
	if err := s.pool.QueryRow(ctx, `SELECT id FROM users WHERE username = $1`, username).Scan(&id); err != nil {
		return 0, fmt.Errorf("user %s: %w", username, pgbase.Translate(err))
	}
	return id, nil
}

// User returns one account.
func (s *Store) User(ctx context.Context, id int64) (domain.User, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+userColumns+` FROM users u WHERE u.id = $1`, id)
	u, err := pgx.CollectExactlyOneRow(rows, scanUser)
	if err != nil {
		return u, fmt.Errorf("user %d: %w", id, pgbase.Translate(err))
	}
	return u, nil
}

// SetUserDisabled disables or re-enables an account; disabling ends all its sessions at once.
func (s *Store) SetUserDisabled(ctx context.Context, a Actor, userID int64, disabled bool) error {
	action := "user.enable"
	if disabled {
		action = "user.disable"
	}
	return s.changeUser(ctx, userID, func(tx pgx.Tx, u domain.User) error {
		if _, err := tx.Exec(ctx, `UPDATE users SET disabled = $2 WHERE id = $1`, userID, disabled); err != nil {
			return err
		}
		if disabled {
			if _, err := tx.Exec(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID); err != nil {
				return err
			}
		}
		return pgbase.Audit(ctx, tx, a.Name, a.ID, action, "user", userID, map[string]any{"disabled": u.Disabled}, map[string]any{"disabled": disabled})
	})
}

// SetPassword stores a new password hash and ends every session of the account.
func (s *Store) SetPassword(ctx context.Context, a Actor, userID int64, hash string) error {
	return s.changeUser(ctx, userID, func(tx pgx.Tx, u domain.User) error {
		if _, err := tx.Exec(ctx, `UPDATE users SET password_hash = $2 WHERE id = $1`, userID, hash); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID); err != nil {
			return err
		}
		return pgbase.Audit(ctx, tx, a.Name, a.ID, "user.password", "user", userID, nil, map[string]any{"sessions_ended": true})
	})
}

// SetCommunes replaces the communes of a clerk or supervisor.
func (s *Store) SetCommunes(ctx context.Context, a Actor, userID int64, communes []string) error {
	if err := s.knownCommunes(ctx, communes); err != nil {
		return err
	}
	slices.Sort(communes)
	communes = slices.Compact(communes)
	return s.changeUser(ctx, userID, func(tx pgx.Tx, u domain.User) error {
		if u.Role.Scoped() && len(communes) == 0 {
			return domain.Public(fmt.Errorf("%w: a %s without communes", domain.ErrInvalid, u.Role),
				"Nhân viên và giám sát xã cần ít nhất một mã xã.", "a clerk or supervisor needs at least one commune")
		}
		if _, err := tx.Exec(ctx, `DELETE FROM user_communes WHERE user_id = $1`, userID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO user_communes (user_id, commune_code) SELECT $1, c FROM unnest($2::text[]) c`,
			userID, communes); err != nil {
			return err
		}
		return pgbase.Audit(ctx, tx, a.Name, a.ID, "user.communes", "user", userID,
			map[string]any{"communes": pgbase.NonNil(u.Communes)}, map[string]any{"communes": pgbase.NonNil(communes)})
	})
}

// RevokeSessions ends every session of an account and says how many there were.
func (s *Store) RevokeSessions(ctx context.Context, a Actor, userID int64) (int64, error) {
	var n int64
	err := s.changeUser(ctx, userID, func(tx pgx.Tx, u domain.User) error {
		tag, err := tx.Exec(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID)
		if err != nil {
			return err
		}
		n = tag.RowsAffected()
		return pgbase.Audit(ctx, tx, a.Name, a.ID, "user.sessions_revoke", "user", userID, nil, map[string]any{"sessions": n})
	})
	return n, err
}

// changeUser runs an account change in a transaction with the account locked.
func (s *Store) changeUser(ctx context.Context, userID int64, fn func(tx pgx.Tx, u domain.User) error) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `SELECT `+userColumns+` FROM users u WHERE u.id = $1 FOR UPDATE`, userID)
		u, err := pgx.CollectExactlyOneRow(rows, scanUser)
		if err != nil {
			return err
		}
		return fn(tx, u)
	})
	if err != nil {
		return fmt.Errorf("change user %d: %w", userID, pgbase.Translate(err))
	}
	return nil
}
