// Package storagetest gives each test its own PostgreSQL database and S3 bucket on the services
// that `make test` starts (SOHOA_TEST_DATABASE_URL, SOHOA_TEST_S3_*), and removes them afterwards,
// so tests can run in parallel and again. Without the services a test is skipped, except in CI
// (CI=true), where it fails.
package storagetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"log/slog"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"

	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/storage"
)

// Require returns the environment variable or stops the test: skipped locally, failed in CI.
func Require(t testing.TB, name string) string {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		msg := name + " is not set: run the tests with `make test`, which starts PostgreSQL and MinIO"
		testenv.Missing(t, "%s", msg)
	}
	return v
}

// Logger writes to the test log.
func Logger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) { w.t.Log(string(p)); return len(p), nil }

// DatabaseURL creates an empty database for this test and drops it when the test ends.
func DatabaseURL(t testing.TB) string {
	t.Helper()
	admin := Require(t, "SOHOA_TEST_DATABASE_URL")
	name := "sohoa_test_" + randomHex(6)
	ctx := context.Background()
	if err := storage.CreateDatabase(ctx, admin, name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := storage.DropDatabase(context.Background(), admin, name); err != nil {
			t.Errorf("drop test database: %v", err)
		}
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// Store opens a migrated store on a fresh database.
func Store(t testing.TB) *storage.Store {
	t.Helper()
	s, _ := StoreURL(t)
	return s
}

// StoreURL is Store, with the database's URL for tests that also query it directly. The
// database is a clone of a template migrated once (template.go), not migrated again.
func StoreURL(t testing.TB) (*storage.Store, string) {
	t.Helper()
	url := migratedDatabaseURL(t)
	s, err := storage.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s, url
}

// S3 returns settings for a fresh bucket (not yet created) that is emptied and removed when the
// test ends.
func S3(t testing.TB) config.S3 {
	t.Helper()
	cfg := config.S3{
		Endpoint:  Require(t, "SOHOA_TEST_S3_ENDPOINT"),
		AccessKey: Require(t, "SOHOA_TEST_S3_ACCESS_KEY"),
		SecretKey: Require(t, "SOHOA_TEST_S3_SECRET_KEY"),
		Bucket:    "sohoa-test-" + randomHex(6),
		Region:    config.DefaultRegion,
	}
	t.Cleanup(func() { removeBucket(t, cfg) })
	return cfg
}

// Objects returns an object store on a fresh, created bucket.
func Objects(t testing.TB) *storage.Objects {
	t.Helper()
	o, err := storage.OpenObjects(S3(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := o.EnsureBucket(context.Background()); err != nil {
		t.Fatal(err)
	}
	return o
}

// removeBucket deletes a test bucket with everything in it. Only tests delete objects.
func removeBucket(t testing.TB, cfg config.S3) {
	c, err := minio.New(cfg.Host(), &minio.Options{Creds: credentials.NewStaticV4(cfg.AccessKey, cfg.SecretKey, ""), Secure: cfg.Secure()})
	if err != nil {
		t.Errorf("remove test bucket: %v", err)
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if ok, err := c.BucketExists(ctx, cfg.Bucket); err != nil || !ok {
		return
	}
	for obj := range c.ListObjects(ctx, cfg.Bucket, minio.ListObjectsOptions{Recursive: true}) {
		if obj.Err == nil {
			_ = c.RemoveObject(ctx, cfg.Bucket, obj.Key, minio.RemoveObjectOptions{})
		}
	}
	if err := c.RemoveBucket(ctx, cfg.Bucket); err != nil {
		t.Errorf("remove test bucket %s: %v", cfg.Bucket, err)
	}
}

// ReadAll reads an object whole.
func ReadAll(t testing.TB, o *storage.Objects, key string) []byte {
	t.Helper()
	rc, err := o.Get(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Hold gives the user the lease on an entry, as "Nhận mục tiếp theo" would, so a test can decide
// that particular entry (decisions need the lease).
func Hold(t testing.TB, databaseURL string, recordID, userID int64) {
	t.Helper()
	ctx := context.Background()
	conn := connect(t, databaseURL)
	defer conn.Close(ctx)
	tag, err := conn.Exec(ctx, `UPDATE records SET lease_user_id = $2, lease_expires_at = now() + interval '10 minutes'
		WHERE id = $1 AND status = 'pending'`, recordID, userID)
	if err != nil || tag.RowsAffected() != 1 {
		t.Fatalf("hold record %d for user %d: %v (%d rows)", recordID, userID, err, tag.RowsAffected())
	}
}

// RecordID finds the entry with index idx on a scan. Only tests need it: the application finds
// entries through the queue.
func RecordID(t testing.TB, databaseURL string, scanID int64, idx int) int64 {
	t.Helper()
	ctx := context.Background()
	conn := connect(t, databaseURL)
	defer conn.Close(ctx)
	var id int64
	if err := conn.QueryRow(ctx, `SELECT id FROM records WHERE scan_id = $1 AND idx = $2`, scanID, idx).Scan(&id); err != nil {
		t.Fatalf("record %d of scan %d: %v", idx, scanID, err)
	}
	return id
}

// connect opens a connection of its own for one helper; the caller closes it.
func connect(t testing.TB, databaseURL string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), databaseURL)
	if err != nil {
		t.Fatal(err)
	}
	return conn
}
