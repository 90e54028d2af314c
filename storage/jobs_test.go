package storage_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/storage/storagetest"
)

type probeArgs struct {
	N int `json:"n"`
}

func (probeArgs) Kind() string { return "probe" }

type probeWorker struct {
	river.WorkerDefaults[probeArgs]
	mu   sync.Mutex
	seen []int
	ran  chan int
}

func (w *probeWorker) Work(ctx context.Context, job *river.Job[probeArgs]) error {
	w.mu.Lock()
	w.seen = append(w.seen, job.Args.N)
	w.mu.Unlock()
	w.ran <- job.Args.N
	return nil
}

func TestJobInRolledBackTransactionNeverRuns(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	store, url := storagetest.StoreURL(t)
	ledger := &domain.Ledger{CommuneCode: "05461", Kind: domain.KindBirth, Book: "1", YearFrom: 1990, YearTo: 1991}
	if err := store.CreateLedger(ctx, ledger); err != nil {
		t.Fatal(err)
	}
	scan := func(page int) *domain.Scan {
		sum := "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9"[:63] + string(rune('0'+page))
		return &domain.Scan{LedgerID: ledger.ID, Page: page, SHA256: sum, ObjectKey: domain.OriginalKey(sum), Bytes: 1, ContentType: "image/png"}
	}

	boom := errors.New("boom")
	err := store.InTx(ctx, func(ctx context.Context, tx *storage.Tx) error {
		if err := tx.InsertScan(ctx, scan(1)); err != nil {
			return err
		}
		if err := tx.Enqueue(ctx, probeArgs{N: 1}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v, want the transaction's own error", err)
	}
	err = store.InTx(ctx, func(ctx context.Context, tx *storage.Tx) error {
		if err := tx.InsertScan(ctx, scan(2)); err != nil {
			return err
		}
		return tx.Enqueue(ctx, probeArgs{N: 2})
	})
	if err != nil {
		t.Fatal(err)
	}

	w := &probeWorker{ran: make(chan int, 10)}
	workers := river.NewWorkers()
	river.AddWorker(workers, w)
	runner, err := store.NewJobRunner(workers, 2, storagetest.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := runner.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer runner.Stop(ctx)
	select {
	case n := <-w.ran:
		if n != 2 {
			t.Fatalf("got job %d run first, want the committed job 2", n)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the committed job did not run within 30 s")
	}

	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var jobs, scans int
	if err := conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM river_job WHERE kind = 'probe'), (SELECT count(*) FROM scans)`).Scan(&jobs, &scans); err != nil {
		t.Fatal(err)
	}
	if jobs != 1 || scans != 1 {
		t.Fatalf("got %d probe jobs and %d scans stored, want 1 and 1 (the rolled-back ones must not exist)", jobs, scans)
	}
	// Give the runner a further poll; the rolled-back job must still not have run.
	time.Sleep(time.Second)
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.seen) != 1 {
		t.Fatalf("got jobs %v run, want only [2]", w.seen)
	}
}

func TestScanVersionsAndDuplicates(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	store := storagetest.Store(t)
	ledger := &domain.Ledger{CommuneCode: "05461", Kind: domain.KindBirth, YearFrom: 1990, YearTo: 1991}
	if err := store.CreateLedger(ctx, ledger); err != nil {
		t.Fatal(err)
	}
	insert := func(sum string) (*domain.Scan, error) {
		sc := &domain.Scan{LedgerID: ledger.ID, Page: 7, SHA256: sum, ObjectKey: domain.OriginalKey(sum), Bytes: 10, ContentType: "image/png"}
		return sc, store.InTx(ctx, func(ctx context.Context, tx *storage.Tx) error { return tx.InsertScan(ctx, sc) })
	}
	a, b := "aa00000000000000000000000000000000000000000000000000000000000000", "bb00000000000000000000000000000000000000000000000000000000000000"
	s1, err := insert(a)
	if err != nil {
		t.Fatal(err)
	}
	s2, err := insert(b)
	if err != nil {
		t.Fatal(err)
	}
	if s1.Version != 1 || s2.Version != 2 {
		t.Fatalf("got versions %d and %d, want 1 and 2", s1.Version, s2.Version)
	}
	if _, err := insert(a); !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("same bytes for the same page again: got %v, want ErrConflict", err)
	}
	got, err := store.Scan(ctx, s2.ID)
	if err != nil || got.SHA256 != b || got.Status != domain.ScanUploaded {
		t.Fatalf("got %+v, %v; want scan 2 uploaded", got, err)
	}
	if _, err := store.Scan(ctx, 1<<40); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("missing scan: got %v, want ErrNotFound", err)
	}
}

func TestCreateLedgerRefusesUnknownCommune(t *testing.T) {
	t.Parallel()
	store := storagetest.Store(t)
	l := &domain.Ledger{CommuneCode: "19", Kind: domain.KindBirth, YearFrom: 1990, YearTo: 1991} // a province, not a commune
	if err := store.CreateLedger(context.Background(), l); !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("got %v, want ErrInvalid", err)
	}
}

// A worker process killed in the middle of a job leaves it "running" in the queue; another
// process must pick it up within about a minute (River's rescue), not after the 15 minutes it
// used to wait.
func TestJobOfKilledWorkerRunsAgainWithinAMinuteAndAHalf(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	store, url := storagetest.StoreURL(t)
	if err := store.InTx(ctx, func(ctx context.Context, tx *storage.Tx) error { return tx.Enqueue(ctx, probeArgs{N: 7}) }); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	// What a SIGKILLed worker leaves behind: the job taken (attempt 1, running) by a client that
	// is gone, as of now.
	var died time.Time
	err = conn.QueryRow(ctx, `UPDATE river_job SET state = 'running', attempt = 1, attempted_at = now(),
		attempted_by = ARRAY['killed-worker'] WHERE kind = 'probe' RETURNING attempted_at`).Scan(&died)
	if err != nil {
		t.Fatal(err)
	}

	w := &probeWorker{ran: make(chan int, 10)}
	workers := river.NewWorkers()
	river.AddWorker(workers, w)
	runner, err := store.NewJobRunner(workers, 1, storagetest.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := runner.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer runner.Stop(ctx)
	// River's rescuer looks every 30 s for jobs running longer than RescueAfter; the retry then
	// waits a second or two. The bound has room for a busy machine, and is far below 15 minutes.
	bound := storage.RescueAfter + 30*time.Second + 45*time.Second
	select {
	case <-w.ran:
		t.Logf("the dead worker's job ran again %s after it died (rescue after %s)", time.Since(died).Round(time.Second), storage.RescueAfter)
	case <-time.After(bound):
		t.Fatalf("the dead worker's job did not run again within %s", bound)
	}
	var attempt int
	if err := conn.QueryRow(ctx, `SELECT attempt FROM river_job WHERE kind = 'probe'`).Scan(&attempt); err != nil {
		t.Fatal(err)
	}
	if attempt != 2 {
		t.Fatalf("got attempt %d, want 2 (the killed attempt, then the rescue)", attempt)
	}
	// The job's time must cover OCR's default page limit (60 s) plus cleaning and storing, and
	// a dead worker's page must still run again within about a minute and a half.
	if storage.RescueAfter > 90*time.Second || storage.JobTimeout > storage.RescueAfter || storage.JobTimeout < 70*time.Second {
		t.Fatalf("rescue after %s, job timeout %s: want a rescue within 90 s, a timeout not above it and at least 70 s (OCR's 60-s page limit + cleaning and storing)", storage.RescueAfter, storage.JobTimeout)
	}
}
