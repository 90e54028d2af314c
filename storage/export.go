package storage

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
)

// exportBatch is how many entries one FETCH brings: enough to keep the round trips few, small
// enough that memory does not grow with the export.
const exportBatch = 2000

// exportQuery selects the entries of a scope with their fields folded into arrays, in book order.
// One join grouped by entry (rather than a subquery per entry) lets PostgreSQL merge the entries
// with the fields' index in one pass; the fields are put in page order in Go. The WHERE clause is
// built from fixed fragments only; values are always parameters.
const exportQuery = `
	SELECT e.id, l.id, s.id, l.commune_code, c.name, c.type, coalesce(d.name, ''), coalesce(p.name, ''), l.book,
	       s.page, e.idx, e.kind, e.status, e.flag_reason, coalesce(u.username, ''), e.confirmed_at,
	       e.positions, e.names, e.vals, e.statuses, e.checks_passed
	FROM (
		SELECT r.id, r.scan_id, r.idx, r.kind, r.status, r.flag_reason, r.confirmed_by, r.confirmed_at, r.checks_passed,
		       coalesce(array_agg(f.position) FILTER (WHERE f.id IS NOT NULL), '{}') AS positions,
		       coalesce(array_agg(f.name) FILTER (WHERE f.id IS NOT NULL), '{}') AS names,
		       coalesce(array_agg(f.value) FILTER (WHERE f.id IS NOT NULL), '{}') AS vals,
		       coalesce(array_agg(f.status) FILTER (WHERE f.id IS NOT NULL), '{}') AS statuses
		FROM records r LEFT JOIN fields f ON f.record_id = r.id
		WHERE r.scan_id IN (SELECT s.id FROM scans s JOIN ledgers l ON l.id = s.ledger_id WHERE %s) AND %s
		GROUP BY r.id) e
	JOIN scans s ON s.id = e.scan_id
	JOIN ledgers l ON l.id = s.ledger_id
	JOIN admin_units c ON c.code = l.commune_code
	LEFT JOIN admin_units d ON d.code = c.parent_code
	LEFT JOIN admin_units p ON p.code = d.parent_code
	LEFT JOIN users u ON u.id = e.confirmed_by
	ORDER BY l.id, s.page, s.version, e.idx`

// exportWhere turns a scope into WHERE clauses and their arguments: one on the ledger (l), one
// on the entry (r).
func exportWhere(sc domain.ExportScope) (ledger, entry string, args []any) {
	conds := []string{"true"}
	add := func(cond string, arg any) {
		args = append(args, arg)
		conds = append(conds, strings.ReplaceAll(cond, "$?", "$"+strconv.Itoa(len(args))))
	}
	if sc.LedgerID != 0 {
		add("l.id = $?", sc.LedgerID)
	}
	if sc.CommuneCode != "" {
		add("l.commune_code = $?", sc.CommuneCode)
	}
	if sc.Kind != "" {
		add("l.kind = $?", string(sc.Kind))
	}
	entry = "r.status = 'confirmed'"
	if sc.IncludeUnfinished {
		entry = "r.status IN ('confirmed', 'flagged')"
	}
	return strings.Join(conds, " AND "), entry, args
}

// EachExportEntry calls fn for every entry of the scope, in book order (ledger, page, entry),
// reading them through a server-side cursor in a read-only snapshot: the export is consistent
// and memory stays flat however many entries there are. The entry passed to fn is reused.
// Only entries through every configured check stage are passed, unless IncludeUnfinished.
func (s *Store) EachExportEntry(ctx context.Context, sc domain.ExportScope, fn func(*domain.ExportEntry) error) error {
	ledger, entry, args := exportWhere(sc)
	own, def, err := s.requiredChecks(ctx)
	if err != nil {
		return err
	}
	opts := pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}
	err = pgx.BeginTxFunc(ctx, s.pool, opts, func(tx pgx.Tx) error {
		// Every row will be read: plan for the whole result, not the first rows; no JIT, whose
		// compile time outweighs its gain on this query.
		if _, err := tx.Exec(ctx, "SET LOCAL cursor_tuple_fraction = 1.0; SET LOCAL jit = off"); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DECLARE export_entries NO SCROLL CURSOR FOR "+fmt.Sprintf(exportQuery, ledger, entry), args...); err != nil {
			return err
		}
		var e domain.ExportEntry
		var positions []int32
		var names, vals, statuses []string
		var passed int
		dest := []any{&e.RecordID, &e.LedgerID, &e.ScanID, &e.CommuneCode, &e.CommuneName, &e.CommuneType, &e.DistrictName,
			&e.ProvinceName, &e.Book, &e.Page, &e.Index, &e.Kind, &e.Status, &e.FlagReason, &e.ConfirmedBy, &e.ConfirmedAt,
			&positions, &names, &vals, &statuses, &passed}
		for {
			rows, _ := tx.Query(ctx, "FETCH "+strconv.Itoa(exportBatch)+" FROM export_entries")
			n, err := pgx.ForEachRow(rows, dest, func() error {
				if !sc.IncludeUnfinished && !passedStages(own, def, e.LedgerID, passed) {
					return nil
				}
				e.Fields = e.Fields[:0]
				for i := range names {
					e.Fields = append(e.Fields, domain.ExportField{Name: names[i], Value: vals[i], Status: domain.FieldStatus(statuses[i])})
				}
				sortFields(e.Fields, positions)
				return fn(&e)
			})
			if err != nil {
				return err
			}
			if n.RowsAffected() < exportBatch {
				return nil
			}
		}
	})
	if err != nil {
		return fmt.Errorf("export entries: %w", translate(err))
	}
	return nil
}

// RecordExport stores the record of an export and audits it.
func (s *Store) RecordExport(ctx context.Context, e *domain.Export) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var ledger *int64
		if e.Scope.LedgerID != 0 {
			ledger = &e.Scope.LedgerID
		}
		if err := tx.QueryRow(ctx, `INSERT INTO exports (actor, user_id, ledger_id, commune_code, kind, format, include_unfinished,
			entries, bytes, sha256) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id, at`,
			e.Actor, e.UserID, ledger, e.Scope.CommuneCode, string(e.Scope.Kind), string(e.Format), e.Scope.IncludeUnfinished,
			e.Entries, e.Bytes, e.SHA256).Scan(&e.ID, &e.At); err != nil {
			return err
		}
		return audit(ctx, tx, e.Actor, e.UserID, "export.create", "export", e.ID, nil, e)
	})
	if err != nil {
		return fmt.Errorf("record export: %w", translate(err))
	}
	return nil
}

// Exports lists the latest exports, newest first.
func (s *Store) Exports(ctx context.Context, limit int) ([]domain.Export, error) {
	rows, _ := s.pool.Query(ctx, `SELECT id, at, actor, user_id, coalesce(ledger_id, 0), commune_code, kind, format,
		include_unfinished, entries, bytes, sha256 FROM exports ORDER BY id DESC LIMIT $1`, limit)
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.Export, error) {
		var e domain.Export
		err := row.Scan(&e.ID, &e.At, &e.Actor, &e.UserID, &e.Scope.LedgerID, &e.Scope.CommuneCode, &e.Scope.Kind, &e.Format,
			&e.Scope.IncludeUnfinished, &e.Entries, &e.Bytes, &e.SHA256)
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("exports: %w", translate(err))
	}
	return out, nil
}

// sortFields puts an entry's fields in page order (by position, then name), with few fields an
// insertion sort that allocates nothing.
func sortFields(fs []domain.ExportField, pos []int32) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && (pos[j] < pos[j-1] || (pos[j] == pos[j-1] && fs[j].Name < fs[j-1].Name)); j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
			pos[j], pos[j-1] = pos[j-1], pos[j]
		}
	}
}
