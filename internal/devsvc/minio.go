package devsvc

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// MinIO is a private MinIO server run as a child process.
type MinIO struct {
	Dir       string
	Port      int
	AccessKey string
	SecretKey string
	bin       string
	proc      *Proc
}

// MinIOBinary finds the server: $SOHOA_MINIO_BIN, `minio` on PATH, or the Go bin folder where
// scripts/deps.sh builds it.
func MinIOBinary() (string, error) {
	if b := os.Getenv("SOHOA_MINIO_BIN"); b != "" {
		return b, nil
	}
	if p, err := exec.LookPath("minio"); err == nil {
		return p, nil
	}
	var dirs []string
	if d := os.Getenv("GOBIN"); d != "" {
		dirs = append(dirs, d)
	}
	if d := os.Getenv("GOPATH"); d != "" {
		dirs = append(dirs, filepath.Join(d, "bin"))
	}
	if h, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(h, "go", "bin"))
	}
	for _, d := range dirs {
		p := filepath.Join(d, "minio")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", errors.New("MinIO server not found: run scripts/deps.sh (builds it into the Go bin folder) or set SOHOA_MINIO_BIN")
}

// StartMinIO starts a server keeping its data under dir, with credentials generated on the first
// run and kept in dir/credentials.json so the next run finds its objects again.
func StartMinIO(ctx context.Context, dir string, port int) (*MinIO, error) {
	bin, err := MinIOBinary()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o700); err != nil {
		return nil, fmt.Errorf("create %s: %w", dir, err)
	}
	m := &MinIO{Dir: dir, Port: port, bin: bin}
	if err := m.loadCredentials(); err != nil {
		return nil, err
	}
	if m.Port == 0 {
		if m.Port, err = FreePort(); err != nil {
			return nil, err
		}
	}
	return m, m.Start(ctx)
}

func (m *MinIO) loadCredentials() error {
	path := filepath.Join(m.Dir, "credentials.json")
	b, err := os.ReadFile(path)
	if err == nil {
		return json.Unmarshal(b, m)
	}
	if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("read %s: %w", path, err)
	}
	m.AccessKey = "sohoa-" + randomHex(6)
	m.SecretKey = randomHex(20)
	b, _ = json.Marshal(struct{ AccessKey, SecretKey string }{m.AccessKey, m.SecretKey})
	if err := os.WriteFile(path, b, 0o600); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// Start runs the server (again, after Stop) on the same port and waits until it is ready.
func (m *MinIO) Start(ctx context.Context) error {
	cmd := exec.Command(m.bin, "server", "--quiet", "--address", fmt.Sprintf("127.0.0.1:%d", m.Port),
		filepath.Join(m.Dir, "data"))
	cmd.Env = append(os.Environ(), "MINIO_ROOT_USER="+m.AccessKey, "MINIO_ROOT_PASSWORD="+m.SecretKey,
		"MINIO_BROWSER=off", "MINIO_UPDATE=off")
	p, err := start("minio", cmd, syscall.SIGTERM, filepath.Join(m.Dir, "minio.log"))
	if err != nil {
		return err
	}
	m.proc = p
	url := fmt.Sprintf("http://127.0.0.1:%d/minio/health/ready", m.Port)
	return waitFor(ctx, p, 60*time.Second, func(ctx context.Context) error {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("health: %s", resp.Status)
		}
		return nil
	})
}

// Stop shuts the server down.
func (m *MinIO) Stop() error {
	if m.proc == nil {
		return nil
	}
	return m.proc.Stop(20 * time.Second)
}

// Endpoint is the server's host:port.
func (m *MinIO) Endpoint() string { return fmt.Sprintf("127.0.0.1:%d", m.Port) }

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
