package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/internal/devsvc"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/storage/storagetest"
)

// privateServices starts a PostgreSQL and a MinIO of this test's own, which it may stop and start.
func privateServices(t *testing.T) (*devsvc.Postgres, *devsvc.MinIO) {
	t.Helper()
	if _, err := devsvc.PostgresBinDir(); err != nil {
		needService(t, err)
	}
	if _, err := devsvc.MinIOBinary(); err != nil {
		needService(t, err)
	}
	dir, err := os.MkdirTemp("", "sohoa-svc-")
	if err != nil {
		t.Fatal(err)
	}
	_ = os.Chmod(dir, 0o755) // the cluster may run as the postgres user when we are root
	t.Cleanup(func() { os.RemoveAll(dir) })
	ctx := context.Background()
	pg, err := devsvc.StartPostgres(ctx, dir+"/postgres", devsvc.PostgresOptions{Fast: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pg.Stop() })
	if err := storage.CreateDatabase(ctx, pg.URL("postgres"), "sohoa"); err != nil {
		t.Fatal(err)
	}
	m, err := devsvc.StartMinIO(ctx, dir+"/minio", 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Stop() })
	return pg, m
}

func needService(t *testing.T, err error) {
	t.Helper()
	testenv.Missing(t, "%v", err)
}

// startApp runs the serving process in-process on a free port until the test ends.
func startApp(t *testing.T, cfg *config.Config) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	a, err := open(ctx, cfg, storagetest.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	addr := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- a.serve(ctx, func(s string) { addr <- s }) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
		a.close()
	})
	select {
	case s := <-addr:
		return "http://" + s
	case err := <-done:
		t.Fatalf("serve ended at once: %v", err)
	}
	return ""
}

func readyz(t *testing.T, base string) (int, map[string]any) {
	t.Helper()
	resp, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&body)
	return resp.StatusCode, body
}

// eventually polls readyz until it gives want, for at most 20 s.
func eventually(t *testing.T, base string, want int, what string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		start := time.Now()
		code, body := readyz(t, base)
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("%s: readyz took %s; a probe must be bounded", what, took)
		}
		if code == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: readyz still %d %v, want %d", what, code, body, want)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func TestReadyzFollowsDependenciesWithoutRestart(t *testing.T) {
	pg, m := privateServices(t)
	cfg := &config.Config{
		DatabaseURL: pg.URL("sohoa"),
		S3:          config.S3{Endpoint: m.Endpoint(), AccessKey: m.AccessKey, SecretKey: m.SecretKey, Bucket: "sohoa", Region: config.DefaultRegion},
		Listen:      "127.0.0.1:0", Workers: 1, LogFormat: "text", LogLevel: "warn", Shutdown: 10 * time.Second,
		MetricsToken: "metrics-token-for-the-test",
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	base := startApp(t, cfg)

	if resp, err := http.Get(base + "/healthz"); err != nil || resp.StatusCode != 200 {
		t.Fatalf("healthz: %v %v", resp, err)
	}
	eventually(t, base, 200, "both up")

	if err := m.Stop(); err != nil {
		t.Fatal(err)
	}
	eventually(t, base, 503, "MinIO stopped")
	_, body := readyz(t, base)
	checks, _ := body["checks"].(map[string]any)
	if checks["database"] != "ok" || checks["object_store"] == "ok" {
		t.Errorf("MinIO stopped: got checks %v, want database ok and object_store failing", checks)
	}
	if err := m.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	eventually(t, base, 200, "MinIO back")

	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}
	eventually(t, base, 503, "PostgreSQL stopped")
	_, body = readyz(t, base)
	checks, _ = body["checks"].(map[string]any)
	if checks["database"] == "ok" || checks["object_store"] != "ok" {
		t.Errorf("PostgreSQL stopped: got checks %v, want database failing and object_store ok", checks)
	}
	if err := pg.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	eventually(t, base, 200, "PostgreSQL back")

	req, _ := http.NewRequest("GET", base+"/metrics", nil)
	req.Header.Set("Authorization", "Bearer "+cfg.MetricsToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(resp.Body)
	resp.Body.Close()
	if !strings.Contains(buf.String(), `sohoa_http_requests_total{code="503",route="GET /readyz"}`) {
		t.Errorf("metrics do not count the 503 answers of /readyz:\n%.2000s", buf.String())
	}
}

func TestWrongSettingFailsAtStartNamingIt(t *testing.T) {
	tests := []struct {
		args []string
		env  map[string]string
		want string
	}{
		{args: []string{"serve"}, want: "SOHOA_DATABASE_URL"},
		{args: []string{"serve", "--database-url", "postgres://x@127.0.0.1:1/x"}, want: "SOHOA_S3_ENDPOINT"},
		{args: []string{"serve", "--database-url", "postgres://x@127.0.0.1:1/x", "--s3-endpoint", "127.0.0.1:9", "--s3-access-key", "a", "--s3-secret-key", "b", "--listen", "nowhere"}, want: "SOHOA_LISTEN"},
		{args: []string{"worker"}, env: map[string]string{"SOHOA_WORKERS": "many"}, want: "SOHOA_WORKERS"},
		{args: []string{"migrate", "--database-url", "http://db"}, want: "SOHOA_DATABASE_URL"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			for _, k := range []string{"SOHOA_DATABASE_URL", "SOHOA_S3_ENDPOINT", "SOHOA_S3_ACCESS_KEY", "SOHOA_S3_SECRET_KEY", "SOHOA_LISTEN", "SOHOA_WORKERS"} {
				t.Setenv(k, tc.env[k])
			}
			var out, errOut bytes.Buffer
			err := run(context.Background(), tc.args, &out, &errOut)
			if err == nil {
				t.Fatalf("got no error, want one naming %s", tc.want)
			}
			msg := fmt.Sprint(err)
			if !strings.Contains(msg, tc.want) || strings.Contains(msg, "\n") {
				t.Fatalf("got %q, want one line naming %s", msg, tc.want)
			}
		})
	}
}

func TestHelpListsEveryCommand(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"help"}, &out, &out); err != nil {
		t.Fatal(err)
	}
	for _, c := range commands() {
		if !strings.Contains(out.String(), "  "+c.name+" ") {
			t.Errorf("help does not list %s:\n%s", c.name, out.String())
		}
		var errOut bytes.Buffer
		if err := run(context.Background(), []string{c.name, "-h"}, &out, &errOut); err == nil || !strings.Contains(errOut.String(), "Usage: sohoa "+c.name) {
			t.Errorf("%s -h: got %v and %q, want flag.ErrHelp and a usage text", c.name, err, errOut.String())
		}
	}
}
