package accountdb

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"

	"github.com/sohoa/sohoa/storage/pgbase"
)

const userColumns = `u.id, u.username, u.display_name, u.role, u.disabled, u.created_at,
	coalesce((SELECT array_agg(commune_code ORDER BY commune_code) FROM user_communes c WHERE c.user_id = u.id), '{}')`

func scanUser(row pgx.CollectableRow) (domain.User, error) {
	var u domain.User
	err := row.Scan(&u.ID, &u.Username, &u.DisplayName, &u.Role, &u.Disabled, &u.CreatedAt, &u.Communes)
	return u, err
}

// CreateUser adds an account with its password hash and communes, and audits it.
func (s *Store) CreateUser(ctx context.Context, u *domain.User, passwordHash, actor string) error {
	for _, c := range u.Communes {
		ok, err := s.CommuneExists(ctx, c)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%w: commune code %q is not a known commune", domain.ErrInvalid, c)
		}
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4)
			RETURNING id, created_at`, u.Username, u.DisplayName, u.Role, passwordHash).Scan(&u.ID, &u.CreatedAt)
		if err != nil {
			return err
		}
		for _, c := range u.Communes {
			if _, err := tx.Exec(ctx, `INSERT INTO user_communes (user_id, commune_code) VALUES ($1, $2) ON CONFLICT DO NOTHING`, u.ID, c); err != nil {
				return err
			}
		}
		return pgbase.Audit(ctx, tx, actor, nil, "user.create", "user", u.ID, nil,
			map[string]any{"username": u.Username, "role": u.Role, "communes": u.Communes})
	})
	if err != nil {
		err = pgbase.Translate(err)
		if errors.Is(err, domain.ErrConflict) {
			return domain.Public(fmt.Errorf("create user %s: %w", u.Username, err),
				"Tên đăng nhập "+u.Username+" đã có.", "the username "+u.Username+" is taken")
		}
		return fmt.Errorf("create user %s: %w", u.Username, err)
	}
	return nil
}

// UserByName returns an enabled user and their password hash, for logging in.
func (s *Store) UserByName(ctx context.Context, username string) (domain.User, string, error) {
	var hash string
	rows, _ := s.pool.Query(ctx, `SELECT `+userColumns+`, u.password_hash FROM users u WHERE u.username = $1 AND NOT u.disabled`, username)
	u, err := pgx.CollectExactlyOneRow(rows, func(row pgx.CollectableRow) (domain.User, error) {
		var u domain.User
		err := row.Scan(&u.ID, &u.Username, &u.DisplayName, &u.Role, &u.Disabled, &u.CreatedAt, &u.Communes, &hash)
		return u, err
	})
	if err != nil {
		return u, "", fmt.Errorf("user %s: %w", username, pgbase.Translate(err))
	}
	return u, hash, nil
}

// Users lists every account.
func (s *Store) Users(ctx context.Context) ([]domain.User, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+userColumns+` FROM users u ORDER BY u.username`)
	us, err := pgx.CollectRows(rows, scanUser)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", pgbase.Translate(err))
	}
	return us, nil
}

// CreateSession stores a session token's hash for a user.
func (s *Store) CreateSession(ctx context.Context, hash []byte, userID int64, ttl time.Duration, userAgent string) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO sessions (token_hash, user_id, expires_at, user_agent) VALUES ($1, $2, now() + $3::interval, $4)`,
		hash, userID, ttl.String(), userAgent)
	if err != nil {
		return fmt.Errorf("create session: %w", pgbase.Translate(err))
	}
	return nil
}

// UserBySession returns the enabled user of a live session and when the session began (the
// start of the clerk's shift). The expiry slides forward, but only written when a tenth of the
// idle time has passed, so that most requests only read; a session older than maxAge (when
// positive) has ended however busy it was.
func (s *Store) UserBySession(ctx context.Context, hash []byte, ttl, maxAge time.Duration) (domain.User, time.Time, error) {
	var started, expires time.Time
	if maxAge <= 0 {
		maxAge = 100 * 365 * 24 * time.Hour
	}
	rows, _ := s.pool.Query(ctx, `
		SELECT `+userColumns+`, se.created_at, se.expires_at FROM sessions se JOIN users u ON u.id = se.user_id
		WHERE se.token_hash = $1 AND se.expires_at > now() AND se.created_at > now() - $2::interval AND NOT u.disabled`,
		hash, maxAge.String())
	u, err := pgx.CollectExactlyOneRow(rows, func(row pgx.CollectableRow) (domain.User, error) {
		var u domain.User
		err := row.Scan(&u.ID, &u.Username, &u.DisplayName, &u.Role, &u.Disabled, &u.CreatedAt, &u.Communes, &started, &expires)
		return u, err
	})
	if err != nil {
		return u, started, fmt.Errorf("session: %w", pgbase.Translate(err))
	}
	if time.Until(expires) < ttl-ttl/10 {
		if _, err := s.pool.Exec(ctx, `UPDATE sessions SET expires_at = now() + $2::interval WHERE token_hash = $1`, hash, ttl.String()); err != nil {
			return u, started, fmt.Errorf("session: %w", pgbase.Translate(err))
		}
	}
	return u, started, nil
}

// DeleteSession ends a session.
func (s *Store) DeleteSession(ctx context.Context, hash []byte) error {
	if _, err := s.pool.Exec(ctx, `DELETE FROM sessions WHERE token_hash = $1 OR expires_at < now()`, hash); err != nil {
		return fmt.Errorf("delete session: %w", pgbase.Translate(err))
	}
	return nil
}
