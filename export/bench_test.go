package export_test

import (
	"context"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/export"
)

// BenchmarkExport exports one ledger of 1,000,000 confirmed birth entries (11 fields each,
// varied Vietnamese values, seeded with generate_series) to XLSX, CSV and JSON Lines, reporting
// entries per second and the peak memory of the process (resident and Go heap) while exporting.
// Targets: ≥ 50,000 rows/s CSV, ≥ 20,000 rows/s XLSX, < 150 MB. Seeding takes a few minutes;
// SOHOA_BENCH_EXPORT_ENTRIES sets a smaller size for a quick look.
//
//	go test -run '^$' -bench Export -benchtime 1x -timeout 60m ./export/
func BenchmarkExport(b *testing.B) {
	n := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("SOHOA_BENCH_EXPORT_ENTRIES")); err == nil && v > 0 {
		n = v
	}
	tb := setup(b)
	l := tb.ledgers[domain.KindBirth]
	start := time.Now()
	bulkConfirmed(b, tb, l, n)
	b.Logf("seeded %d entries in %s", n, time.Since(start).Round(time.Second))
	for _, f := range []domain.ExportFormat{domain.FormatCSV, domain.FormatXLSX, domain.FormatJSONL} {
		b.Run(string(f), func(b *testing.B) {
			req, err := export.Resolve(context.Background(), tb.store, export.Request{Scope: domain.ExportScope{LedgerID: l.ID}, Format: f, Actor: "bench"})
			if err != nil {
				b.Fatal(err)
			}
			runtime.GC()
			resetPeakRSS()
			peak := sampleHeap()
			cpu0 := cpuTime()
			var bytes int64
			b.ResetTimer()
			for b.Loop() {
				rec, err := export.Write(context.Background(), tb.store, io.Discard, req)
				if err != nil {
					b.Fatal(err)
				}
				if rec.Entries != int64(n) {
					b.Fatalf("exported %d entries, want %d", rec.Entries, n)
				}
				bytes = rec.Bytes
			}
			b.StopTimer()
			heap := peak()
			// The Go side's own CPU time, which a loaded machine does not inflate as it does the
			// wall time (PostgreSQL's share is not in it).
			b.ReportMetric(float64(n)*float64(b.N)/(cpuTime()-cpu0).Seconds(), "rows/cpu-s")
			b.ReportMetric(float64(bytes)/float64(n), "bytes/row")
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(peakRSS())/(1<<20), "peak-RSS-MB")
		})
	}
}

// bulkConfirmed adds n confirmed entries to a ledger straight in SQL, 500 a page.
func bulkConfirmed(b *testing.B, tb *testBundle, l domain.Ledger, n int) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, tb.dbURL)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(ctx)
	pages := (n + 499) / 500
	for _, st := range []struct {
		q    string
		args []any
	}{
		// Triggers off while seeding: the progress counters' trigger would update one ledger's
		// counter row once per entry in one transaction, each update walking all the row's
		// earlier versions (quadratic: a 100,000-entry seed took over 10 minutes). Counted once below.
		{`SET session_replication_role = replica`, nil},
		{`INSERT INTO scans (ledger_id, page, sha256, object_key, bytes, content_type, status)
		 SELECT $1, p, encode(sha256(convert_to(p::text, 'UTF8')), 'hex'), 'originals/x', 1, 'image/png', 'done'
		 FROM generate_series(1, $2::int) p`, []any{l.ID, pages}},
		{`INSERT INTO records (scan_id, ledger_id, idx, kind, status, confidence, version, confirmed_by, confirmed_at)
		 SELECT s.id, s.ledger_id, i, 'khai-sinh', 'confirmed', 0.9, 2, $3, now()
		 FROM scans s CROSS JOIN generate_series(0, 499) i WHERE s.ledger_id = $1 AND (s.page - 1) * 500 + i < $2`, []any{l.ID, n, tb.clerk.ID}},
		{`INSERT INTO fields (record_id, name, position, ocr_text, value, status, confirmed_by, confirmed_at)
		 SELECT r.id, f.name, f.pos, '', ` + benchValue + `, 'confirmed', $3, now()
		 FROM records r JOIN scans s ON s.id = r.scan_id
		 CROSS JOIN unnest($2::text[]) WITH ORDINALITY AS f(name, pos) WHERE s.ledger_id = $1
		 ORDER BY r.id, f.pos`, // an entry's fields side by side, as the pipeline writes them
			[]any{l.ID, domain.KindBirth.Fields(), tb.clerk.ID}},
		{`SET session_replication_role = origin`, nil},
		{`SELECT progress_rebuild()`, nil},
		{`ANALYZE`, nil},
	} {
		if _, err := conn.Exec(ctx, st.q, st.args...); err != nil {
			b.Fatalf("%v\n%s", err, st.q)
		}
	}
}

// benchValue varies every field by the entry's id, with Vietnamese letters throughout.
const benchValue = `CASE f.name
	WHEN 'entry_no' THEN (r.idx + 1)::text
	WHEN 'full_name' THEN (ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Đặng','Bùi','Đỗ','Hồ','Ngô'])[1 + r.id % 10] || ' ' ||
		(ARRAY['Văn','Thị','Đức','Ngọc','Hữu','Xuân','Thùy'])[1 + r.id % 7] || ' ' ||
		(ARRAY['Ánh','Bảo','Cường','Dũng','Giang','Hưởng','Khuê','Lợi','Mỹ','Nguyệt','Phượng','Quỳnh','Tuấn','Yến'])[1 + r.id % 14]
	WHEN 'sex' THEN (ARRAY['Nam','Nữ'])[1 + r.id % 2]
	WHEN 'birth_date' THEN to_char(date '1950-01-01' + (r.id % 18000)::int, 'YYYY-MM-DD')
	WHEN 'birth_date_in_words' THEN 'ngày ' || (1 + r.id % 28) || ' tháng ' || (1 + r.id % 12)
	WHEN 'birth_place' THEN 'Trạm y tế xã ' || (ARRAY['Gia Sàng','Phúc Xuân','Tân Cương','Quyết Thắng'])[1 + r.id % 4]
	WHEN 'ethnicity' THEN (ARRAY['Kinh','Tày','Nùng','Sán Dìu','H''Mông'])[1 + r.id % 5]
	WHEN 'nationality' THEN 'Việt Nam'
	WHEN 'father_name' THEN (ARRAY['Trần Văn Ất','Lê Đình Bính','Vũ Quốc Đạt'])[1 + r.id % 3]
	WHEN 'mother_name' THEN (ARRAY['Hoàng Thị Ơn','Ma Thị Ưng','Đinh Thị Ấm'])[1 + r.id % 3]
	ELSE to_char(date '1970-01-01' + (r.id % 15000)::int, 'YYYY-MM-DD') END`

// sampleHeap samples the Go heap in use until the returned function is called, which gives
// the peak seen.
func sampleHeap() func() uint64 {
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	}()
	return func() uint64 { close(done); <-finished; return peak.Load() }
}

// cpuTime is the CPU time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// resetPeakRSS resets the kernel's high-water mark of this process's resident memory.
func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS is the process's peak resident memory since the last reset, in bytes (0 off Linux).
func peakRSS() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}
