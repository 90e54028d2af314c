package devsvc

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
	"time"
)

// Postgres is a private PostgreSQL cluster run as a child process.
type Postgres struct {
	Dir  string // data folder (the cluster)
	Port int
	bin  string
	fast bool
	cred *syscall.Credential // set when we are root: PostgreSQL refuses to run as root
	uid  int
	proc *Proc
}

// SuperUser is the cluster's superuser; local connections are trusted.
const SuperUser = "sohoa"

// PostgresOptions tune a cluster.
type PostgresOptions struct {
	Port int  // 0 picks a free port
	Fast bool // fsync off: for throwaway test clusters only
}

// PostgresBinDir finds the server binaries: $SOHOA_PG_BIN, Debian's /usr/lib/postgresql/<newest>/bin,
// or the folder of `postgres` on PATH.
func PostgresBinDir() (string, error) {
	if d := os.Getenv("SOHOA_PG_BIN"); d != "" {
		return d, nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return pgVersion(dirs[i]) > pgVersion(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "postgres")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("postgres"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errors.New("PostgreSQL server binaries not found: run scripts/deps.sh (installs Debian's postgresql) or set SOHOA_PG_BIN")
}

func pgVersion(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// StartPostgres creates the cluster in dir when it does not exist yet, starts it on 127.0.0.1 and
// waits until it accepts connections.
func StartPostgres(ctx context.Context, dir string, opts PostgresOptions) (*Postgres, error) {
	bin, err := PostgresBinDir()
	if err != nil {
		return nil, err
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	pg := &Postgres{Dir: dir, Port: opts.Port, bin: bin, fast: opts.Fast, uid: os.Getuid()}
	if os.Geteuid() == 0 {
		if err := pg.dropRoot(); err != nil {
			return nil, err
		}
	}
	if pg.Port == 0 {
		if pg.Port, err = FreePort(); err != nil {
			return nil, err
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "PG_VERSION")); errors.Is(err, os.ErrNotExist) {
		if err := pg.initdb(ctx); err != nil {
			return nil, err
		}
	}
	return pg, pg.Start(ctx)
}

// dropRoot arranges for the server to run as the "postgres" system user when we are root.
func (pg *Postgres) dropRoot() error {
	u, err := user.Lookup("postgres")
	if err != nil {
		return errors.New("running as root, and PostgreSQL refuses to: a system user \"postgres\" is needed (Debian's postgresql package creates it)")
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	pg.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	pg.uid = uid
	return nil
}

func (pg *Postgres) command(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, filepath.Join(pg.bin, name), args...)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	if pg.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: pg.cred}
	}
	return cmd
}

func (pg *Postgres) initdb(ctx context.Context) error {
	// The parent must be traversable by the server's user; the cluster itself is private to it.
	if err := os.MkdirAll(filepath.Dir(pg.Dir), 0o755); err != nil {
		return fmt.Errorf("create %s: %w", filepath.Dir(pg.Dir), err)
	}
	if err := os.MkdirAll(pg.Dir, 0o700); err != nil {
		return fmt.Errorf("create %s: %w", pg.Dir, err)
	}
	if pg.cred != nil {
		if err := os.Chown(pg.Dir, int(pg.cred.Uid), int(pg.cred.Gid)); err != nil {
			return fmt.Errorf("chown %s: %w", pg.Dir, err)
		}
	}
	out, err := pg.command(ctx, "initdb", "-D", pg.Dir, "-U", SuperUser, "--auth=trust",
		"--encoding=UTF8", "--locale=C.UTF-8").CombinedOutput()
	if err != nil {
		return fmt.Errorf("initdb %s: %w: %s", pg.Dir, err, tail(out))
	}
	return nil
}

// Start runs the server (again, after Stop) on the same port and waits until it is ready.
func (pg *Postgres) Start(ctx context.Context) error {
	args := []string{"-D", pg.Dir, "-p", itoa(pg.Port), "-c", "listen_addresses=127.0.0.1",
		"-c", "unix_socket_directories=", "-c", "max_connections=300"}
	if pg.fast {
		args = append(args, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	}
	// The server is not a CommandContext child: it must outlive a cancelled start-up context.
	cmd := pg.command(context.Background(), "postgres", args...)
	p, err := start("postgres", cmd, syscall.SIGINT, filepath.Join(filepath.Dir(pg.Dir), filepath.Base(pg.Dir)+".log"))
	if err != nil {
		return err
	}
	pg.proc = p
	return waitFor(ctx, p, 60*time.Second, func(ctx context.Context) error {
		out, err := pg.command(ctx, "pg_isready", "-q", "-h", "127.0.0.1", "-p", itoa(pg.Port)).CombinedOutput()
		if err != nil {
			return fmt.Errorf("pg_isready: %w %s", err, out)
		}
		return nil
	})
}

// Stop shuts the server down (fast shutdown: open sessions are ended, data is kept).
func (pg *Postgres) Stop() error {
	if pg.proc == nil {
		return nil
	}
	return pg.proc.Stop(30 * time.Second)
}

// URL is a connection URL for database db as the superuser.
func (pg *Postgres) URL(db string) string {
	return fmt.Sprintf("postgres://%s@127.0.0.1:%d/%s?sslmode=disable", SuperUser, pg.Port, db)
}

func tail(b []byte) string {
	if len(b) > 800 {
		b = b[len(b)-800:]
	}
	return string(b)
}
