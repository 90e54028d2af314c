package storagetest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
)

// Scale describes a seeded database at a province's scale (issue 17, point 5).
type Scale struct {
	Entries  int      // entries made
	Communes []string // the communes holding them, in code order
	Province string   // a province holding some of them
	Clerk    string   // username of a clerk whose pending entries have fields (confirmable)
}

// Scale's layout: communes × ledgersPerCommune ledgers, pages of entriesPerPage entries.
const (
	scaleLedgersPerCommune = 10
	scaleEntriesPerPage    = 10
	scaleClerks            = 50 // clerk1 … clerk50, 6 communes each at 300 communes
	scaleSupervisors       = 10 // giamsat1 … giamsat10
)

// ScaleURL gives the URL of a migrated database seeded with n entries across the given number of
// communes (SeedScale). With SOHOA_BENCH_SCALE_DATABASE_URL set, that database is used instead
// of a fresh one and kept afterwards, seeded only when it holds no entries yet, so repeated runs
// skip the minutes of seeding; drop it when done.
func ScaleURL(tb testing.TB, n, communes int) (*storage.Store, string, Scale) {
	tb.Helper()
	ctx := context.Background()
	url := os.Getenv("SOHOA_BENCH_SCALE_DATABASE_URL")
	if url == "" {
		url = DatabaseURL(tb)
	}
	s, err := storage.Open(ctx, url)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(s.Close)
	if err := s.Migrate(ctx, Logger(tb)); err != nil {
		tb.Fatal(err)
	}
	start := time.Now()
	sc, err := SeedScale(ctx, url, n, communes)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Logf("scale database: %d entries in %d communes (%s)", sc.Entries, len(sc.Communes), time.Since(start).Round(time.Second))
	return s, url, sc
}

// SeedScale fills an empty migrated database with n entries straight in SQL (generate_series,
// triggers off, counters built once by progress_rebuild): communes spread over the country
// (every k-th commune by code), 10 ledgers each (the three kinds in turn), pages of 10 entries;
// 60 % confirmed over the last 30 days, 2 % set aside (with their audit event), the rest pending
// with varied confidence; 1 % of ledgers ordered first by a supervisor. 50 clerks share the
// communes (6 each at 300), 10 supervisors 30 each, plus a province supervisor and an admin.
// Only clerk1's pending entries get their fields (the ones the benchmark confirms): fields of
// every entry would be 110 million rows, which the box cannot seed in minutes. A database that
// already holds entries is left as it is and described.
func SeedScale(ctx context.Context, url string, n, communes int) (Scale, error) {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return Scale{}, err
	}
	defer conn.Close(ctx)
	var have int64
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM records LIMIT 1) x`).Scan(&have); err != nil {
		return Scale{}, err
	}
	if have == 0 {
		if err := seedScale(ctx, conn, n, communes); err != nil {
			return Scale{}, err
		}
	}
	sc := Scale{Clerk: "clerk1"}
	if err := conn.QueryRow(ctx, `SELECT (SELECT sum(entries) FROM progress_ledgers)::bigint,
		(SELECT array_agg(DISTINCT commune_code ORDER BY commune_code) FROM ledgers)`).Scan(&sc.Entries, &sc.Communes); err != nil {
		return sc, err
	}
	err = conn.QueryRow(ctx, `SELECT d.parent_code FROM ledgers l JOIN admin_units c ON c.code = l.commune_code
		JOIN admin_units d ON d.code = c.parent_code ORDER BY l.id LIMIT 1`).Scan(&sc.Province)
	return sc, err
}

func seedScale(ctx context.Context, conn *pgx.Conn, n, communes int) error {
	ledgers := communes * scaleLedgersPerCommune
	pages := max(n/(ledgers*scaleEntriesPerPage), 1)
	var qs []string
	qs = append(qs, scaleSetupQueries(communes, pages)...)
	qs = append(qs, scaleRecordQueries()...)
	qs = append(qs, scaleCounterQueries()...)
	for _, q := range qs {
		if _, err := conn.Exec(ctx, q); err != nil {
			return fmt.Errorf("seed: %w\n%s", err, q)
		}
	}
	return nil
}

// scaleKindFields is an SQL text[] literal of the kind's field names.
func scaleKindFields(k domain.Kind) string {
	return "'{" + strings.Join(k.Fields(), ",") + "}'::text[]"
}

// scaleSetupQueries turn triggers off and seed the communes, users, their communes, ledgers
// and scans.
func scaleSetupQueries(communes, pages int) []string {
	return []string{
		`SET session_replication_role = replica`, // triggers off while seeding; counted once below
		`SET maintenance_work_mem = '256MB'`,
		`CREATE TEMP TABLE scale_communes AS
		 SELECT code, row_number() OVER (ORDER BY code) AS i FROM (
		   SELECT code, row_number() OVER (ORDER BY code) AS r, count(*) OVER () AS total FROM admin_units WHERE level = 'commune') c
		 WHERE r % greatest(total / ` + fmt.Sprint(communes) + `, 1) = 1 ORDER BY code LIMIT ` + fmt.Sprint(communes),
		`INSERT INTO users (username, display_name, role, password_hash)
		 SELECT 'clerk' || i, 'Cán bộ ' || i, 'clerk', 'x' FROM generate_series(1, ` + fmt.Sprint(scaleClerks) + `) i
		 UNION ALL SELECT 'giamsat' || i, 'Giám sát ' || i, 'supervisor', 'x' FROM generate_series(1, ` + fmt.Sprint(scaleSupervisors) + `) i
		 UNION ALL VALUES ('tinh', 'Giám sát tỉnh', 'province', 'x'), ('quantri', 'Quản trị', 'admin', 'x')`,
		`INSERT INTO user_communes (user_id, commune_code)
		 SELECT u.id, c.code FROM scale_communes c JOIN users u ON u.username = 'clerk' || (1 + (c.i - 1) % ` + fmt.Sprint(scaleClerks) + `)
		 UNION ALL
		 SELECT u.id, c.code FROM scale_communes c JOIN users u ON u.username = 'giamsat' || (1 + (c.i - 1) % ` + fmt.Sprint(scaleSupervisors) + `)`,
		`INSERT INTO ledgers (commune_code, kind, book, year_from, year_to, expected_entries, expected_pages, priority)
		 SELECT c.code, (ARRAY['khai-sinh','ket-hon','khai-tu'])[1 + b % 3], lpad(b::text, 2, '0'), 1980 + b * 2, 1981 + b * 2,
		        ` + fmt.Sprint(pages*scaleEntriesPerPage+50) + `, ` + fmt.Sprint(pages) + `, CASE WHEN (c.i * 10 + b) % 100 = 7 THEN 1 ELSE 0 END
		 FROM scale_communes c CROSS JOIN generate_series(1, ` + fmt.Sprint(scaleLedgersPerCommune) + `) b`,
		`INSERT INTO scans (ledger_id, page, sha256, object_key, bytes, content_type, status)
		 SELECT l.id, p, md5(l.id || '-' || p) || md5(p || '-' || l.id), 'originals/x', 1, 'image/png', 'in_review'
		 FROM ledgers l CROSS JOIN generate_series(1, ` + fmt.Sprint(pages) + `) p ORDER BY l.id, p`,
	}
}

// scaleRecordQueries seed the entries, the audit events of those set aside and clerk1's
// pending entries' fields.
func scaleRecordQueries() []string {
	return []string{
		// h numbers the entries; the clerk of the commune confirmed or set aside its entries.
		`INSERT INTO records (scan_id, ledger_id, idx, kind, status, confidence, priority, flag_reason, confirmed_by, confirmed_at, updated_at)
		 SELECT s.id, s.ledger_id, i, l.kind, st, ((h * 7919) % 1000) / 1000.0, l.priority,
		        CASE WHEN st = 'flagged' THEN 'mờ, không đọc được' ELSE '' END,
		        CASE WHEN st = 'confirmed' THEN u.user_id END,
		        CASE WHEN st = 'confirmed' THEN now() - (h % 30) * interval '1 day' - (h % 600) * interval '1 minute' END,
		        now() - (h % 30) * interval '1 day' - (h % 600) * interval '1 minute'
		 FROM scans s JOIN ledgers l ON l.id = s.ledger_id
		 JOIN (SELECT uc.commune_code, min(uc.user_id) AS user_id FROM user_communes uc
		       JOIN users x ON x.id = uc.user_id AND x.role = 'clerk' GROUP BY 1) u ON u.commune_code = l.commune_code
		 CROSS JOIN generate_series(0, ` + fmt.Sprint(scaleEntriesPerPage-1) + `) i
		 CROSS JOIN LATERAL (SELECT s.id * 10 + i AS h) hh
		 CROSS JOIN LATERAL (SELECT CASE WHEN h % 50 = 0 THEN 'flagged' WHEN h % 5 < 3 THEN 'confirmed' ELSE 'pending' END AS st) ss
		 ORDER BY s.id, i`,
		`INSERT INTO audit_events (at, actor, user_id, action, entity, entity_id, new)
		 SELECT r.updated_at, u.username, u.id, 'record.flag', 'record', r.id, jsonb_build_object('status', 'flagged', 'reason', r.flag_reason)
		 FROM records r JOIN scans s ON s.id = r.scan_id JOIN ledgers l ON l.id = s.ledger_id
		 JOIN user_communes uc ON uc.commune_code = l.commune_code JOIN users u ON u.id = uc.user_id AND u.role = 'clerk'
		 WHERE r.status = 'flagged' ORDER BY r.id`,
		`INSERT INTO fields (record_id, name, position, ocr_text, value, confidence)
		 SELECT r.id, f.name, f.pos - 1, v, v, 0.7
		 FROM users u JOIN user_communes uc ON uc.user_id = u.id JOIN ledgers l ON l.commune_code = uc.commune_code
		 JOIN scans s ON s.ledger_id = l.id JOIN records r ON r.scan_id = s.id AND r.status = 'pending'
		 CROSS JOIN LATERAL unnest(CASE l.kind WHEN 'khai-sinh' THEN ` + scaleKindFields(domain.KindBirth) + `
		                                      WHEN 'ket-hon' THEN ` + scaleKindFields(domain.KindMarriage) + `
		                                      ELSE ` + scaleKindFields(domain.KindDeath) + ` END) WITH ORDINALITY AS f(name, pos)
		 CROSS JOIN LATERAL (SELECT CASE WHEN f.name LIKE '%date' THEN to_char(date '1985-01-01' + (r.id % 3000)::int, 'YYYY-MM-DD')
		                                 WHEN f.name = 'entry_no' THEN (r.idx + 1)::text
		                                 ELSE 'Nguyễn Thị Ánh ' || (r.id % 97) END AS v) vv
		 WHERE u.username = 'clerk1' ORDER BY r.id, f.pos`,
	}
}

// scaleCounterQueries turn triggers back on, build the progress counters and analyze.
func scaleCounterQueries() []string {
	return []string{
		`SET session_replication_role = origin`,
		`SELECT progress_rebuild()`,
		// Counters as many clerks leave them: each ledger's spread over 16 slots, field quality
		// per field name (fields are only seeded for clerk1's entries).
		`INSERT INTO progress_ledgers (ledger_id, slot) SELECT l.id, s FROM ledgers l CROSS JOIN generate_series(1, 15) s
		 ON CONFLICT DO NOTHING`,
		`INSERT INTO progress_fields (ledger_id, name, slot, decided, corrected)
		 SELECT g.ledger_id, f.name, s, sum(g.confirmed + g.flagged) / 4, sum(g.confirmed + g.flagged) / (20 + length(f.name))
		 FROM progress_ledgers g JOIN ledgers l ON l.id = g.ledger_id
		 CROSS JOIN LATERAL unnest(CASE l.kind WHEN 'khai-sinh' THEN ` + scaleKindFields(domain.KindBirth) + `
		                                      WHEN 'ket-hon' THEN ` + scaleKindFields(domain.KindMarriage) + `
		                                      ELSE ` + scaleKindFields(domain.KindDeath) + ` END) AS f(name)
		 CROSS JOIN generate_series(0, 3) s
		 GROUP BY g.ledger_id, f.name, s
		 ON CONFLICT (ledger_id, name, slot) DO UPDATE SET decided = EXCLUDED.decided, corrected = EXCLUDED.corrected`,
		`VACUUM ANALYZE`,
	}
}
