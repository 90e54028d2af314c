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
// The WHERE clause is built from fixed fragments only; values are always parameters.
const exportQuery = `
	SELECT r.id, l.id, s.id, l.commune_code, c.name, c.type, coalesce(d.name, ''), coalesce(p.name, ''), l.book,
	       s.page, r.idx, r.kind, r.status, r.flag_reason, coalesce(u.username, ''), r.confirmed_at,
	       f.names, f.vals, f.statuses
	FROM records r
	JOIN scans s ON s.id = r.scan_id
	JOIN ledgers l ON l.id = s.ledger_id
	JOIN admin_units c ON c.code = l.commune_code
	LEFT JOIN admin_units d ON d.code = c.parent_code
	LEFT JOIN admin_units p ON p.code = d.parent_code
	LEFT JOIN users u ON u.id = r.confirmed_by
	CROSS JOIN LATERAL (
		SELECT coalesce(array_agg(name ORDER BY position, id), '{}') AS names,
		       coalesce(array_agg(value ORDER BY position, id), '{}') AS vals,
		       coalesce(array_agg(status ORDER BY position, id), '{}') AS statuses
		FROM fields WHERE record_id = r.id) f
	WHERE %s
	ORDER BY l.id, s.page, s.version, r.idx`

// exportWhere turns a scope into a WHERE clause and its arguments.
func exportWhere(sc domain.ExportScope) (string, []any) {
	var conds []string
	var args []any
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
	if sc.IncludeUnfinished {
		conds = append(conds, "r.status IN ('confirmed', 'flagged')")
	} else {
		conds = append(conds, "r.status = 'confirmed'")
	}
	return strings.Join(conds, " AND "), args
}

// EachExportEntry calls fn for every entry of the scope, in book order (ledger, page, entry),
// reading them through a server-side cursor in a read-only snapshot: the export is consistent
// and memory stays flat however many entries there are. The entry passed to fn is reused.
func (s *Store) EachExportEntry(ctx context.Context, sc domain.ExportScope, fn func(*domain.ExportEntry) error) error {
	where, args := exportWhere(sc)
	opts := pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}
	err := pgx.BeginTxFunc(ctx, s.pool, opts, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "DECLARE export_entries NO SCROLL CURSOR FOR "+fmt.Sprintf(exportQuery, where), args...); err != nil {
			return err
		}
		var e domain.ExportEntry
		var names, vals, statuses []string
		dest := []any{&e.RecordID, &e.LedgerID, &e.ScanID, &e.CommuneCode, &e.CommuneName, &e.CommuneType, &e.DistrictName,
			&e.ProvinceName, &e.Book, &e.Page, &e.Index, &e.Kind, &e.Status, &e.FlagReason, &e.ConfirmedBy, &e.ConfirmedAt,
			&names, &vals, &statuses}
		for {
			rows, _ := tx.Query(ctx, "FETCH "+strconv.Itoa(exportBatch)+" FROM export_entries")
			n, err := pgx.ForEachRow(rows, dest, func() error {
				e.Fields = e.Fields[:0]
				for i := range names {
					e.Fields = append(e.Fields, domain.ExportField{Name: names[i], Value: vals[i], Status: domain.FieldStatus(statuses[i])})
				}
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
