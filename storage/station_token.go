package storage

import (
	"context"
	"fmt"

	"github.com/sohoa/sohoa/domain"
)

// CreateStationToken stores the hash of a new station token.
func (s *Store) CreateStationToken(ctx context.Context, station string, hash []byte) error {
	if _, err := s.pool.Exec(ctx, `INSERT INTO station_tokens (station, token_hash) VALUES ($1, $2)`, station, hash); err != nil {
		return fmt.Errorf("create station token: %w", translate(err))
	}
	return nil
}

// StationByToken returns the station whose live token has this hash, and notes its use.
func (s *Store) StationByToken(ctx context.Context, hash []byte) (string, error) {
	var station string
	err := s.pool.QueryRow(ctx, `UPDATE station_tokens SET last_used_at = now()
		WHERE token_hash = $1 AND revoked_at IS NULL RETURNING station`, hash).Scan(&station)
	if err != nil {
		err = translate(err)
		return "", fmt.Errorf("station token: %w", err)
	}
	return station, nil
}

// RevokeStationTokens revokes every token of a station.
func (s *Store) RevokeStationTokens(ctx context.Context, station string) (int64, error) {
	tag, err := s.pool.Exec(ctx, `UPDATE station_tokens SET revoked_at = now() WHERE station = $1 AND revoked_at IS NULL`, station)
	if err != nil {
		return 0, fmt.Errorf("revoke station tokens: %w", translate(err))
	}
	if tag.RowsAffected() == 0 {
		return 0, fmt.Errorf("station %q has no live token: %w", station, domain.ErrNotFound)
	}
	return tag.RowsAffected(), nil
}
