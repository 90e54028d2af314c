package matchdb

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"

	"github.com/sohoa/sohoa/storage/pgbase"
)

// SaveMatch stores what matching found for one person of an entry, audited as the matcher's.
// A link a person has already decided (accepted, rejected, sent to the police) is kept as it is.
func (s *Store) SaveMatch(ctx context.Context, m domain.RecordMatch) (saved bool, err error) {
	var citizen *string
	if m.Status == domain.MatchProposed && len(m.Candidates) > 0 {
		citizen = &m.Candidates[0].CitizenID
	}
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO record_matches (record_id, person, status, so_dinh_danh, candidates)
			VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (record_id, person) DO UPDATE SET status = excluded.status, so_dinh_danh = excluded.so_dinh_danh,
				candidates = excluded.candidates, version = record_matches.version + 1, matched_at = now()
			WHERE record_matches.status IN ('proposed', 'review', 'none')`,
			m.RecordID, m.Person, m.Status, citizen, pgbase.JSON(pgbase.NonNil(m.Candidates)))
		if err != nil || tag.RowsAffected() == 0 {
			return err
		}
		saved = true
		return pgbase.Audit(ctx, tx, "matcher", nil, "match."+string(m.Status), "record", m.RecordID, nil,
			map[string]any{"person": m.Person, "status": m.Status, "so_dinh_danh": citizen})
	})
	if err != nil {
		return false, fmt.Errorf("save match of record %d: %w", m.RecordID, pgbase.Translate(err))
	}
	return saved, nil
}

const matchColumns = `record_id, person, status, coalesce(so_dinh_danh, ''), candidates, version, decided_by, decided_at`

func scanMatch(row pgx.CollectableRow) (domain.RecordMatch, error) {
	var m domain.RecordMatch
	var cands []byte
	err := row.Scan(&m.RecordID, &m.Person, &m.Status, &m.CitizenID, &cands, &m.Version, &m.DecidedBy, &m.DecidedAt)
	if err == nil {
		err = json.Unmarshal(cands, &m.Candidates)
	}
	return m, err
}

// RecordMatches returns the links of one entry's persons.
func (s *Store) RecordMatches(ctx context.Context, recordID int64) ([]domain.RecordMatch, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+matchColumns+` FROM record_matches WHERE record_id = $1 ORDER BY person`, recordID)
	ms, err := pgx.CollectRows(rows, scanMatch)
	if err != nil {
		return nil, fmt.Errorf("matches of record %d: %w", recordID, pgbase.Translate(err))
	}
	return ms, nil
}

// LedgerMatches returns the links of a ledger's entries, by record.
func (s *Store) LedgerMatches(ctx context.Context, ledgerID int64) (map[int64][]domain.RecordMatch, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+matchColumns+` FROM record_matches WHERE record_id IN (
		SELECT r.id FROM records r JOIN scans s ON s.id = r.scan_id WHERE s.ledger_id = $1) ORDER BY record_id, person`, ledgerID)
	ms, err := pgx.CollectRows(rows, scanMatch)
	if err != nil {
		return nil, fmt.Errorf("matches of ledger %d: %w", ledgerID, pgbase.Translate(err))
	}
	out := map[int64][]domain.RecordMatch{}
	for _, m := range ms {
		out[m.RecordID] = append(out[m.RecordID], m)
	}
	return out, nil
}

// MatchQueue lists links waiting for a person (status review), oldest entries first, then the
// automatic proposals, at most limit of them.
// Only entries of the communes the user sees are listed.
func (s *Store) MatchQueue(ctx context.Context, u domain.User, limit int) ([]domain.RecordMatch, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+matchColumns+` FROM record_matches WHERE status IN ('review', 'proposed')
		AND `+seenRecord("record_id", "$2", "$3")+`
		ORDER BY status = 'proposed', record_id, person LIMIT $1`, limit, u.SeesAll(), u.ID)
	ms, err := pgx.CollectRows(rows, scanMatch)
	if err != nil {
		return nil, fmt.Errorf("match queue: %w", pgbase.Translate(err))
	}
	return ms, nil
}

// DecideMatch records a person's decision on a link, at the version their screen showed: accept
// a candidate (citizenID), reject every candidate, or send the entry to the police check list.
func (s *Store) DecideMatch(ctx context.Context, recordID int64, person string, u domain.User, version int,
	status domain.MatchStatus, citizenID string) error {
	var cit *string
	if status == domain.MatchAccepted {
		cit = &citizenID
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var old domain.MatchStatus
		var oldCit *string
		var v int
		err := tx.QueryRow(ctx, `SELECT status, so_dinh_danh, version FROM record_matches
			WHERE record_id = $1 AND person = $2 FOR UPDATE`, recordID, person).Scan(&old, &oldCit, &v)
		if err != nil {
			return err
		}
		if v != version {
			return fmt.Errorf("%w: the link of record %d changed meanwhile (version %d, form %d)", domain.ErrConflict, recordID, v, version)
		}
		if _, err := tx.Exec(ctx, `UPDATE record_matches SET status = $3, so_dinh_danh = $4, version = version + 1,
			decided_by = $5, decided_at = now() WHERE record_id = $1 AND person = $2`, recordID, person, status, cit, u.ID); err != nil {
			return err
		}
		return pgbase.Audit(ctx, tx, u.Username, &u.ID, "match.decide", "record", recordID,
			map[string]any{"person": person, "status": old, "so_dinh_danh": oldCit},
			map[string]any{"person": person, "status": status, "so_dinh_danh": cit})
	})
	if err != nil {
		return fmt.Errorf("decide match of record %d: %w", recordID, pgbase.Translate(err))
	}
	return nil
}

// seenRecord is an SQL condition: the record in column col is in a commune the user sees
// (all is the user's SeesAll, user their id, both as placeholders).
func seenRecord(col, all, user string) string {
	return `(` + all + ` OR ` + col + ` IN (SELECT r.id FROM records r JOIN scans s ON s.id = r.scan_id
		JOIN ledgers l ON l.id = s.ledger_id
		JOIN user_communes uc ON uc.commune_code = l.commune_code AND uc.user_id = ` + user + `))`
}
