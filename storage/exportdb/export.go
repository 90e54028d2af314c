package exportdb

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"

	"github.com/sohoa/sohoa/storage/pgbase"
)

// exportChunk is about how many entries one round trip brings: enough to keep the round trips
// few, small enough that memory does not grow with the export.
const exportChunk = 4000

// exportLedgers and exportScans list the ledgers of a scope with their units, and their pages in
// book order (ledger, page, version). The WHERE clause is built from fixed fragments only; values
// are always parameters.
const (
	exportLedgers = `
	SELECT l.id, l.commune_code, c.name, c.type, coalesce(d.name, ''), coalesce(p.name, ''), l.book
	FROM ledgers l
	JOIN admin_units c ON c.code = l.commune_code
	LEFT JOIN admin_units d ON d.code = c.parent_code
	LEFT JOIN admin_units p ON p.code = d.parent_code
	WHERE %s`
	exportScans = `SELECT s.id, s.ledger_id, s.page FROM scans s JOIN ledgers l ON l.id = s.ledger_id WHERE %s
	ORDER BY l.id, s.page, s.version`
)

// exportRecords and exportFields read the entries of a chunk of pages ($1) and their fields,
// each through its index (records by page, fields by entry), in no particular order: Go puts
// them in book order, so PostgreSQL neither sorts nor groups. Reading a whole scope in one query
// had PostgreSQL merge the entries with the fields' index from the first entry of the database
// to the last, group and sort them: its cost grew with the database, not with the export.
const (
	exportRecords = `SELECT r.id, r.scan_id, r.idx, r.kind, r.status, r.flag_reason, coalesce(u.username, ''), r.confirmed_at
	FROM records r LEFT JOIN users u ON u.id = r.confirmed_by WHERE r.scan_id = ANY($1) AND %s`
	// The chunk's entries are listed once (an InitPlan) and their fields read by one index scan
	// over that list (fields_record_id_name_key): as a plain join PostgreSQL read every field of
	// the database (a sequential or hash scan) for each chunk once the chunk was a few percent of
	// the table, and a LATERAL subquery per entry paid a rescan per entry.
	exportFields = `SELECT f.record_id, f.position, f.name, f.value, f.status
	FROM fields f WHERE f.record_id = ANY(ARRAY(SELECT r.id FROM records r WHERE r.scan_id = ANY($1) AND %s))`
	// The chunk's links to the population database (issue 18, point 5), by their primary key.
	exportMatches = `SELECT m.record_id, m.person, m.status, coalesce(m.so_dinh_danh, '')
	FROM records r JOIN record_matches m ON m.record_id = r.id
	WHERE r.scan_id = ANY($1) AND %s`
)

// exportWhere turns a scope into WHERE clauses and their arguments: one on the ledger (l), one
// on the entry (r). Unless IncludeUnfinished, an entry must have passed every check stage of its
// ledger by the one rule, passed_stages (migration 0120; stages: the installation's, for ledgers without their own).
func exportWhere(sc domain.ExportScope, stages []domain.CheckMode) (ledger, entry string, args []any) {
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
	entry = "passed_stages(r.status, r.checks_passed, (SELECT sl.check_stages FROM ledgers sl WHERE sl.id = r.ledger_id), " +
		stagesLiteral(stages) + ")"
	if sc.IncludeUnfinished {
		entry = "r.status IN ('confirmed', 'flagged')"
	}
	return strings.Join(conds, " AND "), entry, args
}

// stagesLiteral is the installation's stages as an SQL text[] literal, for the export's entry
// queries (which take the chunk's pages as their only argument). Only the known modes are
// written, so nothing else can reach the SQL.
func stagesLiteral(stages []domain.CheckMode) string {
	var names []string
	for _, m := range stages {
		switch m {
		case domain.CheckSighted, domain.CheckBlind:
			names = append(names, string(m))
		}
	}
	return "'{" + strings.Join(names, ",") + "}'::text[]"
}

// exportPage is a page of the scope: its scan, ledger and page number.
type exportPage struct {
	scan, ledger int64
	page         int
}

// EachExportEntry calls fn for every entry of the scope, in book order (ledger, page, version,
// entry), in a read-only snapshot: the export is consistent. The pages are listed first; their
// entries and fields then come a chunk of pages at a time (about exportChunk entries), so memory
// stays flat however many entries there are. The entry passed to fn is reused.
func (s *Store) EachExportEntry(ctx context.Context, sc domain.ExportScope, fn func(*domain.ExportEntry) error) error {
	ledgerWhere, entryWhere, args := exportWhere(sc, s.CheckPlan().Stages)
	opts := pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}
	err := pgx.BeginTxFunc(ctx, s.pool, opts, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SET LOCAL jit = off"); err != nil { // compiling costs more than it gains here
			return err
		}
		ledgers := map[int64]*domain.ExportEntry{}
		rows, _ := tx.Query(ctx, fmt.Sprintf(exportLedgers, ledgerWhere), args...)
		var l domain.ExportEntry
		if _, err := pgx.ForEachRow(rows, []any{&l.LedgerID, &l.CommuneCode, &l.CommuneName, &l.CommuneType, &l.DistrictName,
			&l.ProvinceName, &l.Book}, func() error {
			c := l
			ledgers[l.LedgerID] = &c
			return nil
		}); err != nil {
			return err
		}
		rows, _ = tx.Query(ctx, fmt.Sprintf(exportScans, ledgerWhere), args...)
		pages, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (exportPage, error) {
			var p exportPage
			return p, row.Scan(&p.scan, &p.ledger, &p.page)
		})
		if err != nil {
			return err
		}
		ch := exportChunker{tx: tx, ledgers: ledgers, records: fmt.Sprintf(exportRecords, entryWhere),
			fields: fmt.Sprintf(exportFields, entryWhere), matches: fmt.Sprintf(exportMatches, entryWhere)}
		perPage := float64(exportChunk) // entries a page, learnt as pages are read: one page first
		for len(pages) > 0 {
			n := min(max(int(exportChunk/perPage), 1), len(pages))
			got, err := ch.read(ctx, pages[:n])
			if err != nil {
				return err
			}
			for i := range ch.entries {
				if err := fn(&ch.entries[i]); err != nil {
					return err
				}
			}
			pages = pages[n:]
			perPage = max(float64(got)/float64(n), 1)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("export entries: %w", pgbase.Translate(err))
	}
	return nil
}

// exportChunker reads the entries of a chunk of pages, reusing its memory from chunk to chunk.
type exportChunker struct {
	tx              pgx.Tx
	ledgers         map[int64]*domain.ExportEntry
	records, fields string
	matches         string
	entries         []domain.ExportEntry
	positions       [][]int32 // each entry's fields' positions, side by side with entries[i].Fields
	order           map[int64]int
	index           map[int64]int
	scans           []int64
}

// read fills c.entries with the entries of the pages, in book order, and returns how many.
func (c *exportChunker) read(ctx context.Context, pages []exportPage) (int, error) {
	c.reset(pages)
	batch := &pgx.Batch{}
	batch.Queue(c.records, c.scans)
	batch.Queue(c.fields, c.scans)
	batch.Queue(c.matches, c.scans)
	br := c.tx.SendBatch(ctx, batch)
	defer br.Close()
	if err := c.readRecords(br, pages); err != nil {
		return 0, err
	}
	if err := c.readFields(br); err != nil {
		return 0, err
	}
	if err := c.readMatches(br); err != nil {
		return 0, err
	}
	for i := range c.entries {
		sortFields(c.entries[i].Fields, c.positions[i])
	}
	// Book order: the pages' order, then the entry's place on its page. The positions travel
	// with their entries.
	sort.Sort(chunkOrder{c})
	return len(c.entries), br.Close()
}

// reset empties the chunker for the pages, keeping its memory, and lists their scans in order.
func (c *exportChunker) reset(pages []exportPage) {
	if c.order == nil {
		c.order, c.index = map[int64]int{}, map[int64]int{}
	}
	clear(c.order)
	clear(c.index)
	c.scans = c.scans[:0]
	for i, p := range pages {
		c.order[p.scan] = i
		c.scans = append(c.scans, p.scan)
	}
	c.entries = c.entries[:0]
}

// readRecords reads the batch's first result, the chunk's entries, into c.entries (with their
// ledger's details), reusing the slots and fields slices of earlier chunks.
func (c *exportChunker) readRecords(br pgx.BatchResults, pages []exportPage) error {
	var e domain.ExportEntry
	rows, _ := br.Query()
	_, err := pgx.ForEachRow(rows, []any{&e.RecordID, &e.ScanID, &e.Index, &e.Kind, &e.Status, &e.FlagReason,
		&e.ConfirmedBy, &e.ConfirmedAt}, func() error {
		p := pages[c.order[e.ScanID]]
		l := c.ledgers[p.ledger]
		if l == nil {
			return fmt.Errorf("page %d of ledger %d outside the export", p.page, p.ledger)
		}
		n := len(c.entries)
		if n < len(c.positions) { // a slot of an earlier chunk, with its fields slice
			c.entries = c.entries[:n+1]
		} else {
			c.entries = append(c.entries, domain.ExportEntry{})
			c.positions = append(c.positions, nil)
		}
		out := &c.entries[n]
		fields := out.Fields[:0]
		*out = *l
		out.RecordID, out.ScanID, out.Page, out.Index, out.Kind, out.Status = e.RecordID, e.ScanID, p.page, e.Index, e.Kind, e.Status
		out.FlagReason, out.ConfirmedBy, out.ConfirmedAt, out.Fields = e.FlagReason, e.ConfirmedBy, e.ConfirmedAt, fields
		c.positions[n] = c.positions[n][:0]
		c.index[e.RecordID] = n
		return nil
	})
	return err
}

// readFields reads the batch's second result, the chunk's fields, onto their entries, with
// their positions side by side.
func (c *exportChunker) readFields(br pgx.BatchResults) error {
	var recordID int64
	var pos int32
	var f domain.ExportField
	rows, _ := br.Query()
	_, err := pgx.ForEachRow(rows, []any{&recordID, &pos, &f.Name, &f.Value, &f.Status}, func() error {
		i, ok := c.index[recordID]
		if !ok {
			return fmt.Errorf("field of entry %d outside the chunk", recordID)
		}
		c.entries[i].Fields = append(c.entries[i].Fields, f)
		c.positions[i] = append(c.positions[i], pos)
		return nil
	})
	return err
}

// readMatches reads the batch's third result, the chunk's links to citizens, onto their entries.
func (c *exportChunker) readMatches(br pgx.BatchResults) error {
	var recordID int64
	var m domain.ExportMatch
	rows, _ := br.Query()
	_, err := pgx.ForEachRow(rows, []any{&recordID, &m.Person, &m.Status, &m.CitizenID}, func() error {
		i, ok := c.index[recordID]
		if !ok {
			return fmt.Errorf("link of entry %d outside the chunk", recordID)
		}
		c.entries[i].Matches = append(c.entries[i].Matches, m)
		return nil
	})
	return err
}

// chunkOrder sorts a chunk's entries by page (the order of c.scans) and place on the page.
type chunkOrder struct{ c *exportChunker }

func (o chunkOrder) Len() int { return len(o.c.entries) }
func (o chunkOrder) Less(i, j int) bool {
	a, b := &o.c.entries[i], &o.c.entries[j]
	if a.ScanID != b.ScanID {
		return o.c.order[a.ScanID] < o.c.order[b.ScanID]
	}
	return a.Index < b.Index
}
func (o chunkOrder) Swap(i, j int) {
	o.c.entries[i], o.c.entries[j] = o.c.entries[j], o.c.entries[i]
	o.c.positions[i], o.c.positions[j] = o.c.positions[j], o.c.positions[i]
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
		return pgbase.Audit(ctx, tx, e.Actor, e.UserID, "export.create", "export", e.ID, nil, e)
	})
	if err != nil {
		return fmt.Errorf("record export: %w", pgbase.Translate(err))
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
		return nil, fmt.Errorf("exports: %w", pgbase.Translate(err))
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
