package accountdb

import (
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"

	"github.com/sohoa/sohoa/storage/pgbase"
)

// CreateStationToken stores the hash of a new station token for the given communes (see
// IssueStationToken); the audit trail names "system" as the actor.
func (s *Store) CreateStationToken(ctx context.Context, station string, hash []byte, communes ...string) error {
	return s.IssueStationToken(ctx, "system", station, hash, communes)
}

// IssueStationToken stores the hash of a new station token and the communes it may work for,
// and audits it. A token without communes is stored but refused until it is given some.
func (s *Store) IssueStationToken(ctx context.Context, actor, station string, hash []byte, communes []string) error {
	if err := s.knownCommunes(ctx, communes); err != nil {
		return err
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var id int64
		err := tx.QueryRow(ctx, `INSERT INTO station_tokens (station, token_hash) VALUES ($1, $2) RETURNING id`, station, hash).Scan(&id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO station_token_communes (token_id, commune_code)
			SELECT $1, c FROM unnest($2::text[]) c ON CONFLICT DO NOTHING`, id, communes); err != nil {
			return err
		}
		return pgbase.Audit(ctx, tx, actor, nil, "token.create", "station_token", id, nil,
			map[string]any{"station": station, "communes": pgbase.NonNil(communes)})
	})
	if err != nil {
		return fmt.Errorf("create station token: %w", pgbase.Translate(err))
	}
	return nil
}

func (s *Store) knownCommunes(ctx context.Context, communes []string) error {
	for _, c := range communes {
		ok, err := s.CommuneExists(ctx, c)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%w: commune code %q is not a known commune", domain.ErrInvalid, c)
		}
	}
	return nil
}

// ScopeStationTokens sets the communes of every live token of a station (replacing what they
// had), for tokens made before tokens had communes, and audits it.
func (s *Store) ScopeStationTokens(ctx context.Context, actor, station string, communes []string) (int64, error) {
	if len(communes) == 0 {
		return 0, fmt.Errorf("%w: give at least one commune", domain.ErrInvalid)
	}
	if err := s.knownCommunes(ctx, communes); err != nil {
		return 0, err
	}
	var n int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `SELECT id FROM station_tokens WHERE station = $1 AND revoked_at IS NULL`, station)
		ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return fmt.Errorf("station %q has no live token: %w", station, domain.ErrNotFound)
		}
		for _, id := range ids {
			if _, err := tx.Exec(ctx, `DELETE FROM station_token_communes WHERE token_id = $1`, id); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO station_token_communes (token_id, commune_code)
				SELECT $1, c FROM unnest($2::text[]) c ON CONFLICT DO NOTHING`, id, communes); err != nil {
				return err
			}
			if err := pgbase.Audit(ctx, tx, actor, nil, "token.scope", "station_token", id, nil,
				map[string]any{"station": station, "communes": communes}); err != nil {
				return err
			}
		}
		n = int64(len(ids))
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("scope station tokens: %w", pgbase.Translate(err))
	}
	return n, nil
}

// StationByToken returns the station whose live token has this hash, with its communes, and
// notes the token's use.
func (s *Store) StationByToken(ctx context.Context, hash []byte) (domain.Station, error) {
	var st domain.Station
	err := s.pool.QueryRow(ctx, `UPDATE station_tokens t SET last_used_at = now()
		WHERE token_hash = $1 AND revoked_at IS NULL
		RETURNING station, coalesce((SELECT array_agg(commune_code ORDER BY commune_code) FROM station_token_communes c
		                             WHERE c.token_id = t.id), '{}')`, hash).Scan(&st.Name, &st.Communes)
	if err != nil {
		return st, fmt.Errorf("station token: %w", pgbase.Translate(err))
	}
	slices.Sort(st.Communes)
	return st, nil
}

// RevokeStationTokens revokes every token of a station and audits it.
func (s *Store) RevokeStationTokens(ctx context.Context, station string, actor ...string) (int64, error) {
	who := "system"
	if len(actor) > 0 {
		who = actor[0]
	}
	var n int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `UPDATE station_tokens SET revoked_at = now() WHERE station = $1 AND revoked_at IS NULL RETURNING id`, station)
		ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return fmt.Errorf("station %q has no live token: %w", station, domain.ErrNotFound)
		}
		for _, id := range ids {
			if err := pgbase.Audit(ctx, tx, who, nil, "token.revoke", "station_token", id, nil, map[string]any{"station": station}); err != nil {
				return err
			}
		}
		n = int64(len(ids))
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("revoke station tokens: %w", pgbase.Translate(err))
	}
	return n, nil
}
