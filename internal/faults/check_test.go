//go:build faults

package faults_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
)

// summary is what the suite found.
type summary struct {
	pages, kills, outages, lost, duplicated int
	confirmed, retried, rejected, failed    int
	spoolFull                               int
	problems                                []string
}

func (s summary) String() string {
	return fmt.Sprintf("pages=%d, kills=%d, outages=%d, lost=%d, duplicated=%d (entries confirmed=%d, jobs retried=%d, "+
		"uploads refused on the full disk=%d, pages rejected=%d, pages without an entry=%d)",
		s.pages, s.kills, s.outages, s.lost, s.duplicated, s.confirmed, s.retried, s.spoolFull, s.rejected, s.failed)
}

func (s *summary) problem(counter *int, format string, args ...any) {
	if counter != nil {
		*counter++
	}
	if len(s.problems) < 40 {
		s.problems = append(s.problems, fmt.Sprintf(format, args...))
	}
}

var pageNumber = regexp.MustCompile(`trang-(\d+)\.png$`)

// check compares what stations and clerks were told with what the database and object store hold.
func (e *env) check(ctx context.Context, stations []*stationRun, confirmed map[int64]string) summary {
	var s summary
	objects, err := storage.OpenObjects(e.s3)
	if err != nil {
		s.problem(nil, "object store: %v", err)
		return s
	}
	for _, r := range stations {
		e.checkStation(ctx, &s, objects, r)
	}
	e.checkProcessing(ctx, &s)
	e.checkConfirmed(ctx, &s, confirmed)
	return s
}

// checkStation: every page filed under sent/ (the station was told it was accepted) has exactly
// one scan, whose original in the object store has the file's bytes.
func (e *env) checkStation(ctx context.Context, s *summary, objects *storage.Objects, r *stationRun) {
	select {
	case err := <-r.done:
		s.problem(&s.lost, "the station of ledger %d stopped by itself: %v", r.ledger, err)
	default: // still watching: it came through every outage without help
	}
	sent, _ := filepath.Glob(filepath.Join(r.dir, "sent", "*.png"))
	rejected, _ := filepath.Glob(filepath.Join(r.dir, "rejected", "*.png"))
	for _, f := range rejected {
		reason, _ := os.ReadFile(f + ".reason.txt")
		s.problem(&s.rejected, "station of ledger %d rejected %s: %s", r.ledger, filepath.Base(f), reason)
	}
	if len(sent)+len(rejected) != len(r.dropped) {
		s.problem(&s.lost, "station of ledger %d: %d pages given, %d filed as sent and %d as rejected", r.ledger, len(r.dropped), len(sent), len(rejected))
	}
	for _, f := range sent {
		s.pages++
		m := pageNumber.FindStringSubmatch(f)
		if m == nil {
			s.problem(&s.duplicated, "unexpected file under sent/: %s (sent twice?)", f)
			continue
		}
		page, _ := strconv.Atoi(m[1])
		data, err := os.ReadFile(f)
		if err != nil {
			s.problem(&s.lost, "read %s: %v", f, err)
			continue
		}
		sum := sha256.Sum256(data)
		want := hex.EncodeToString(sum[:])
		var scans int
		var got string
		err = e.db.QueryRow(ctx, `SELECT count(*), coalesce(min(sha256), '') FROM scans WHERE ledger_id = $1 AND page = $2`, r.ledger, page).Scan(&scans, &got)
		switch {
		case err != nil:
			s.problem(&s.lost, "scan of ledger %d page %d: %v", r.ledger, page, err)
			continue
		case scans == 0:
			s.problem(&s.lost, "ledger %d page %d was accepted but has no scan", r.ledger, page)
			continue
		case scans > 1:
			s.problem(&s.duplicated, "ledger %d page %d has %d scans", r.ledger, page, scans)
		}
		if got != want {
			s.problem(&s.lost, "ledger %d page %d: scan has sha256 %s, the file %s", r.ledger, page, got, want)
			continue
		}
		if stored := objectSum(ctx, objects, domain.OriginalKey(want)); stored != want {
			s.problem(&s.lost, "ledger %d page %d: the object store holds %q for the original, want the file's bytes %s", r.ledger, page, stored, want)
		}
	}
}

func objectSum(ctx context.Context, objects *storage.Objects, key string) string {
	rc, err := objects.Get(ctx, key)
	if err != nil {
		return "error: " + err.Error()
	}
	defer rc.Close()
	h := sha256.New()
	if _, err := io.Copy(h, rc); err != nil {
		return "error: " + err.Error()
	}
	return hex.EncodeToString(h.Sum(nil))
}

// checkProcessing: every scan was read exactly once (one job, finished; entries neither twice
// nor missing fields), and counts the jobs that died mid-way and were worked again.
func (e *env) checkProcessing(ctx context.Context, s *summary) {
	queries := []struct {
		counter *int
		what    string
		sql     string
	}{
		{&s.lost, "scan not processed", `SELECT id || ' ' || status FROM scans WHERE status IN ('uploaded', 'cleaning', 'ocr')`},
		{&s.lost, "scan without its job", `SELECT s.id::text FROM scans s WHERE NOT EXISTS (SELECT 1 FROM river_job j
			WHERE j.kind = 'process_scan' AND (j.args->>'scan_id')::bigint = s.id)`},
		{&s.duplicated, "scan with several jobs", `SELECT (args->>'scan_id') || ' ×' || count(*) FROM river_job
			WHERE kind = 'process_scan' GROUP BY args->>'scan_id' HAVING count(*) > 1`},
		{&s.lost, "job not finished", `SELECT id || ' ' || state || ' attempt ' || attempt FROM river_job WHERE state NOT IN ('completed', 'cancelled')`},
		{&s.duplicated, "entry twice", `SELECT scan_id || '#' || idx FROM records GROUP BY scan_id, idx HAVING count(*) > 1`},
		{&s.duplicated, "field twice", `SELECT record_id || ' ' || name FROM fields GROUP BY record_id, name HAVING count(*) > 1`},
		{&s.lost, "entry missing fields", `SELECT r.id || ' has ' || count(f.id) FROM records r LEFT JOIN fields f ON f.record_id = r.id
			GROUP BY r.id HAVING count(f.id) <> ` + strconv.Itoa(len(domain.KindBirth.Fields()))},
		{&s.lost, "page read but without entries", `SELECT s.id::text FROM scans s WHERE s.status IN ('in_review', 'done')
			AND NOT EXISTS (SELECT 1 FROM records r WHERE r.scan_id = s.id)`},
		{&s.lost, "scan failed", `SELECT id || ': ' || error FROM scans WHERE status = 'failed' AND error NOT LIKE '%no entries found%'`},
	}
	for _, q := range queries {
		for _, row := range e.strings(ctx, s, q.sql) {
			s.problem(q.counter, "%s: %s", q.what, row)
		}
	}
	// A page cut from a register page may hold no whole entry: read once, failed for good, fine.
	if err := e.db.QueryRow(ctx, `SELECT count(*) FROM scans WHERE status = 'failed'`).Scan(&s.failed); err != nil {
		s.problem(nil, "count failed scans: %v", err)
	}
	if err := e.db.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind = 'process_scan' AND attempt > 1`).Scan(&s.retried); err != nil {
		s.problem(nil, "count retried jobs: %v", err)
	}
}

// checkConfirmed: every entry a clerk was told was confirmed is, with the number typed.
func (e *env) checkConfirmed(ctx context.Context, s *summary, confirmed map[int64]string) {
	for id, entryNo := range confirmed {
		s.confirmed++
		var status, value string
		err := e.db.QueryRow(ctx, `SELECT r.status, f.value FROM records r JOIN fields f ON f.record_id = r.id AND f.name = 'entry_no'
			WHERE r.id = $1`, id).Scan(&status, &value)
		if err != nil || status != "confirmed" || value != entryNo {
			s.problem(&s.lost, "entry %d was confirmed with number %s; now %q, %q (%v)", id, entryNo, status, value, err)
		}
	}
}

func (e *env) strings(ctx context.Context, s *summary, sql string) []string {
	rows, err := e.db.Query(ctx, sql)
	if err != nil {
		s.problem(nil, "query %s: %v", sql, err)
		return nil
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			s.problem(nil, "scan: %v", err)
			return out
		}
		out = append(out, v)
	}
	return out
}
