//go:build faults

package faults_test

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/internal/devsvc"
	"github.com/sohoa/sohoa/station"
	"github.com/sohoa/sohoa/storage"
)

var (
	flagPages    = flag.Int("pages", 300, "pages the stations upload")
	flagStations = flag.Int("stations", 3, "stations, each on its own ledger")
	flagFeed     = flag.Duration("feed", 150*time.Second, "time over which the pages are put into the stations' folders")
	flagKillEach = flag.Duration("kill-every", 6*time.Second, "mean time between SIGKILLs")
	flagDrain    = flag.Duration("drain", 4*time.Minute, "bound on the time to finish the work after the faults stop")
	flagHeight   = flag.Int("page-height", 900, "height in pixels of the pages cut from synthetic register pages")
	flagScale    = flag.Float64("page-scale", 0.5, "scale of those pages (0.5: 150 dpi, cheap to read)")
	flagSeed     = flag.Uint64("seed", 0, "random seed of the faults (0: from the clock; the run prints it)")
	flagBin      = flag.String("bin", "../../bin/sohoa", "the sohoa binary under test")
)

const (
	commune       = "05461"
	clerkPassword = "faults-clerk-password"
)

// env is the suite's world: the services, the processes and the station folders.
type env struct {
	t      *testing.T
	dir    string
	pg     *devsvc.Postgres
	minio  *devsvc.MinIO
	s3     config.S3
	owner  string // database URL of the schema owner
	spool  string
	procs  *procs
	db     *pgxpool.Pool
	rng    *rand.Rand
	events []string
}

func TestFaults(t *testing.T) {
	seed := *flagSeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("fault seed %d (-seed to repeat the schedule)", seed)
	e := setup(t, rand.New(rand.NewPCG(seed, 17)))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	started := time.Now()

	pages, err := makePages(ctx, *flagPages, *flagHeight, *flagScale)
	if err != nil {
		t.Fatal(err)
	}
	stations := e.startStations(ctx)
	var mu sync.Mutex
	confirmed, serial := map[int64]string{}, 0
	clerkCtx, stopClerks := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for i := range 2 {
		c := newClerk("http://"+e.procs.addr, fmt.Sprintf("clerk%d", i+1), clerkPassword, e.db, &mu, confirmed, &serial)
		wg.Go(func() { c.run(clerkCtx) })
	}

	chaosCtx, stopChaos := context.WithCancel(ctx)
	var chaos sync.WaitGroup
	chaos.Go(func() { e.procs.killLoop(chaosCtx, e.rng, *flagKillEach) })
	chaos.Go(func() { e.outages(chaosCtx) })
	feed(ctx, t, stations, pages, *flagFeed)
	// Faults go on until there have been enough of them.
	for e.procs.killCount() < 20 || len(e.eventList()) < 3 {
		time.Sleep(time.Second)
	}
	stopChaos()
	chaos.Wait()
	e.procs.restartDead()
	t.Logf("faults over after %s; draining", time.Since(started).Round(time.Second))
	if err := e.drain(ctx, stations, *flagDrain); err != nil {
		t.Error(err)
	}
	stopClerks()
	wg.Wait()
	e.procs.stopAll()
	sum := e.check(ctx, stations, confirmed)
	sum.spoolFull = e.spoolRefusals()
	sum.kills, sum.outages = e.procs.killCount(), len(e.eventList())
	fmt.Println(sum.String())
	t.Logf("%s; took %s; %s", sum.String(), time.Since(started).Round(time.Second), loadAverage())
	for _, p := range sum.problems {
		t.Error(p)
	}
	if sum.spoolFull == 0 {
		t.Error("no upload met the full disk: the disk-full fault tested nothing (feed the pages for longer)")
	}
	if sum.kills < 20 || sum.outages < 3 {
		t.Errorf("got %d kills and %d outages, want at least 20 and 3", sum.kills, sum.outages)
	}
}

func setup(t *testing.T, rng *rand.Rand) *env {
	ctx := context.Background()
	bin, err := filepath.Abs(*flagBin)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("the sohoa binary: %v (build it: go build -o bin/sohoa ./cmd/sohoa)", err)
	}
	dir, err := os.MkdirTemp("", "sohoa-faults-")
	if err != nil {
		t.Fatal(err)
	}
	_ = os.Chmod(dir, 0o755) // the cluster runs as the postgres user when we are root
	e := &env{t: t, dir: dir, rng: rng}
	t.Cleanup(func() {
		if !t.Failed() {
			_ = os.RemoveAll(dir)
		} else {
			t.Logf("logs kept in %s", dir)
		}
	})
	e.pg, err = devsvc.StartPostgres(ctx, filepath.Join(dir, "postgres"), devsvc.PostgresOptions{Fast: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = e.pg.Stop() })
	e.minio, err = devsvc.StartMinIO(ctx, filepath.Join(dir, "minio"), 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = e.minio.Stop() })
	if err := storage.CreateDatabase(ctx, e.pg.URL("postgres"), "sohoa"); err != nil {
		t.Fatal(err)
	}
	if err := storage.EnsureRole(ctx, e.pg.URL("postgres"), "sohoa_app", ""); err != nil {
		t.Fatal(err)
	}
	e.owner = e.pg.URL("sohoa")
	app := strings.Replace(e.owner, "://"+devsvc.SuperUser+"@", "://sohoa_app@", 1)
	e.s3 = config.S3{Endpoint: "http://" + e.minio.Endpoint(), AccessKey: e.minio.AccessKey, SecretKey: e.minio.SecretKey,
		Bucket: config.DefaultBucket, Region: config.DefaultRegion}
	e.spool = e.mountSpool()
	e.procs = &procs{t: t, bin: bin, dir: dir, addr: freeAddr(t), cmds: map[string]*exec.Cmd{}, done: map[string]chan struct{}{},
		env: append(os.Environ(), "OMP_THREAD_LIMIT=1", "SOHOA_DATABASE_URL="+app, "SOHOA_MIGRATE_DATABASE_URL="+e.owner,
			"SOHOA_S3_ENDPOINT="+e.s3.Endpoint, "SOHOA_S3_ACCESS_KEY="+e.s3.AccessKey, "SOHOA_S3_SECRET_KEY="+e.s3.SecretKey,
			"SOHOA_CHECK_STAGES=none", "SOHOA_SHUTDOWN_TIMEOUT=5s", "TMPDIR="+e.spool)}
	t.Cleanup(e.procs.stopAll)
	if err := e.procs.start("server"); err != nil {
		t.Fatal(err)
	}
	if err := waitReady(ctx, e.procs.addr, 2*time.Minute); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"worker1", "worker2"} {
		if err := e.procs.start(w); err != nil {
			t.Fatal(err)
		}
	}
	if e.db, err = pgxpool.New(ctx, e.owner); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.db.Close)
	return e
}

// mountSpool gives the server's upload spool (its TMPDIR) a small filesystem of its own, so the
// suite can fill it: a 16 MB tmpfs (mounting needs root, as in CI).
func (e *env) mountSpool() string {
	spool := filepath.Join(e.dir, "spool")
	if err := os.MkdirAll(spool, 0o755); err != nil {
		e.t.Fatal(err)
	}
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=16m,mode=1777", "tmpfs", spool).CombinedOutput()
	if err != nil {
		e.t.Fatalf("mount a 16 MB tmpfs for the upload spool (needs root): %v: %s", err, out)
	}
	e.t.Cleanup(func() { _ = exec.Command("umount", "-l", spool).Run() })
	return spool
}

func freeAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func (e *env) event(format string, args ...any) {
	e.procs.mu.Lock()
	e.events = append(e.events, fmt.Sprintf(format, args...))
	e.procs.mu.Unlock()
	e.t.Logf(format, args...)
}

func (e *env) eventList() []string {
	e.procs.mu.Lock()
	defer e.procs.mu.Unlock()
	return append([]string(nil), e.events...)
}

func (p *procs) killCount() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.kills
}

// outages: the upload disk full for 20 s (while stations send), MinIO stopped for 30 s, PostgreSQL
// restarted.
func (e *env) outages(ctx context.Context) {
	steps := []struct {
		after time.Duration
		do    func()
	}{
		{15 * time.Second, func() {
			e.event("upload disk full for 20 s")
			fill := filepath.Join(e.spool, "fill")
			_ = exec.Command("dd", "if=/dev/zero", "of="+fill, "bs=64k").Run() // until the disk is full
			sleep(context.Background(), 20*time.Second)
			_ = os.Remove(fill)
		}},
		{10 * time.Second, func() {
			e.event("MinIO stopped for 30 s")
			_ = e.minio.Stop()
			sleep(context.Background(), 30*time.Second)
			if err := e.minio.Start(context.Background()); err != nil {
				e.t.Errorf("start MinIO again: %v", err)
			}
		}},
		{10 * time.Second, func() {
			e.event("PostgreSQL restarted")
			if err := e.pg.Stop(); err != nil {
				e.t.Errorf("stop PostgreSQL: %v", err)
			}
			sleep(context.Background(), 3*time.Second)
			if err := e.pg.Start(context.Background()); err != nil {
				e.t.Errorf("start PostgreSQL again: %v", err)
			}
		}},
	}
	for _, s := range steps {
		sleep(ctx, s.after)
		if ctx.Err() != nil {
			return
		}
		s.do()
	}
}

// stationRun is one station at work: its folder, ledger and what it was given.
type stationRun struct {
	dir, stage string
	ledger     int64
	st         *station.Station
	dropped    []string
	done       chan error
}

func (e *env) startStations(ctx context.Context) []*stationRun {
	store, err := storage.Open(ctx, e.owner)
	if err != nil {
		e.t.Fatal(err)
	}
	defer store.Close()
	for i := range 2 {
		u, err := domain.NewUser(fmt.Sprintf("clerk%d", i+1), fmt.Sprintf("Thư ký %d", i+1), "clerk", []string{commune})
		if err != nil {
			e.t.Fatal(err)
		}
		hash, err := auth.HashPassword(clerkPassword)
		if err != nil {
			e.t.Fatal(err)
		}
		if err := store.CreateUser(ctx, &u, hash, "faults"); err != nil {
			e.t.Fatal(err)
		}
	}
	var runs []*stationRun
	for i := range *flagStations {
		// Each station its own token: the server's upload rate limit is per station.
		token, hash := auth.NewStationToken()
		if err := store.IssueStationToken(ctx, "faults", fmt.Sprintf("Trạm thử lỗi %d", i+1), hash, []string{commune}); err != nil {
			e.t.Fatal(err)
		}
		l := &domain.Ledger{CommuneCode: commune, Kind: domain.KindBirth, Book: fmt.Sprintf("F%d", i+1), YearFrom: 1990, YearTo: 2000}
		if err := store.CreateLedger(ctx, l); err != nil {
			e.t.Fatal(err)
		}
		r := &stationRun{dir: filepath.Join(e.dir, fmt.Sprintf("station%d", i+1)), stage: filepath.Join(e.dir, fmt.Sprintf("stage%d", i+1)),
			ledger: l.ID, done: make(chan error, 1)}
		for _, d := range []string{r.dir, r.stage} {
			if err := os.MkdirAll(d, 0o755); err != nil {
				e.t.Fatal(err)
			}
		}
		log, err := os.Create(filepath.Join(e.dir, fmt.Sprintf("station%d.log", i+1)))
		if err != nil {
			e.t.Fatal(err)
		}
		e.t.Cleanup(func() { log.Close() })
		r.st, err = station.New(station.Config{Server: "http://" + e.procs.addr, Token: token, Ledger: l.ID,
			StableFor: 300 * time.Millisecond, Poll: 250 * time.Millisecond, Backoff: station.Backoff{Min: 250 * time.Millisecond, Max: 3 * time.Second},
			Status: log, LedgerEvery: time.Hour, HTTPClient: &http.Client{Timeout: 60 * time.Second}, UploadTimeout: time.Minute})
		if err != nil {
			e.t.Fatal(err)
		}
		go func() { r.done <- r.st.Watch(ctx, r.dir) }()
		runs = append(runs, r)
	}
	return runs
}

// feed puts the pages into the stations' folders, spread evenly over d.
func feed(ctx context.Context, t *testing.T, stations []*stationRun, pages [][]byte, d time.Duration) {
	every := d / time.Duration(len(pages))
	for i, data := range pages {
		r := stations[i%len(stations)]
		name := fmt.Sprintf("trang-%04d.png", i/len(stations)+1)
		if err := drop(r.stage, r.dir, name, data); err != nil {
			t.Fatal(err)
		}
		r.dropped = append(r.dropped, name)
		sleep(ctx, every)
	}
}

// drain waits until every station has filed every page and the queue has no work left.
func (e *env) drain(ctx context.Context, stations []*stationRun, within time.Duration) error {
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		waiting := 0
		for _, r := range stations {
			for _, name := range r.dropped {
				if _, err := os.Stat(filepath.Join(r.dir, name)); err == nil {
					waiting++
				}
			}
		}
		var unfinished int
		err := e.db.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE state NOT IN ('completed', 'cancelled', 'discarded')`).Scan(&unfinished)
		if err == nil && waiting == 0 && unfinished == 0 {
			return nil
		}
		e.procs.restartDead()
		time.Sleep(2 * time.Second)
	}
	return fmt.Errorf("work not finished %s after the faults stopped", within)
}

func loadAverage() string {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "load average unknown"
	}
	return "load average " + strings.Join(f[:3], " ")
}

// spoolRefusals counts the uploads the server turned away because its spool disk was full.
func (e *env) spoolRefusals() int {
	b, _ := os.ReadFile(filepath.Join(e.dir, "server.log"))
	return strings.Count(string(b), "no space left on device")
}
