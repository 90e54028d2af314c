package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/internal/devsvc"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/storage/storagetest"
)

// TestBackupAndRestore follows the README's backup and restore: pg_dump of a database holding
// entries, audit events and scans, `sohoa mirror` of its bucket to a backup bucket; then
// pg_restore into an empty database and `sohoa mirror` from the backup into an empty bucket. The
// restored pair must hold every row of every table, and every scan's original with its checksum.
func TestBackupAndRestore(t *testing.T) {
	t.Parallel()
	bin, err := devsvc.PostgresBinDir()
	if err != nil {
		needService(t, err)
	}
	ctx := context.Background()
	_, srcURL := storagetest.StoreURL(t)
	if _, err := storagetest.SeedScale(ctx, srcURL, 300, 3); err != nil {
		t.Fatal(err)
	}
	srcS3 := storagetest.S3(t)
	src, err := storage.OpenObjects(srcS3)
	if err != nil {
		t.Fatal(err)
	}
	if err := src.EnsureBucket(ctx); err != nil {
		t.Fatal(err)
	}
	scans := giveScansOriginals(t, srcURL, src)

	dump := filepath.Join(t.TempDir(), "sohoa.dump")
	pgTool(t, bin, "pg_dump", "--format=custom", "--file", dump, srcURL)
	backup := storagetest.S3(t)
	mirror(t, srcS3, backup)

	dstURL := storagetest.DatabaseURL(t)
	pgTool(t, bin, "pg_restore", "--no-owner", "--exit-on-error", "--dbname", dstURL, dump)
	dstS3 := storagetest.S3(t)
	mirror(t, backup, dstS3)

	want, got := tableDigests(t, srcURL), tableDigests(t, dstURL)
	for _, table := range []string{"records", "fields", "audit_events", "scans", "ledgers", "users"} {
		if want[table].rows == 0 {
			t.Errorf("table %s: the seeded database holds no rows; the test proves nothing for it", table)
		}
	}
	for table, w := range want {
		if got[table] != w {
			t.Errorf("table %s: restored %+v, want %+v", table, got[table], w)
		}
	}
	dst, err := storage.OpenObjects(dstS3)
	if err != nil {
		t.Fatal(err)
	}
	for key, sum := range scans {
		body := storagetest.ReadAll(t, dst, key)
		if h := sha256.Sum256(body); hex.EncodeToString(h[:]) != sum {
			t.Errorf("restored %s hashes to %x, want %s", key, h, sum)
		}
	}
	t.Logf("restored %d tables, %d records, %d audit events, %d originals", len(got), got["records"].rows, got["audit_events"].rows, len(scans))
}

// giveScansOriginals stores a distinct original for every scan of the seeded database (the seed
// writes checksums of no content) and points the scan at it; it returns key → sha256.
func giveScansOriginals(t *testing.T, url string, objs *storage.Objects) map[string]string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, _ := conn.Query(ctx, `SELECT id FROM scans ORDER BY id`)
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, id := range ids {
		o, err := objs.PutOriginal(ctx, bytes.NewReader([]byte(fmt.Sprintf("trang %d của sổ thử, bản gốc", id))))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := conn.Exec(ctx, `UPDATE scans SET sha256 = $1, object_key = $2, bytes = $3 WHERE id = $4`, o.SHA256, o.Key, o.Bytes, id); err != nil {
			t.Fatal(err)
		}
		out[o.Key] = o.SHA256
	}
	return out
}

func pgTool(t *testing.T, bin, tool string, args ...string) {
	t.Helper()
	if out, err := exec.Command(filepath.Join(bin, tool), args...).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, out)
	}
}

// mirror runs `sohoa mirror` from one bucket to another.
func mirror(t *testing.T, from, to config.S3) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"mirror", "--s3-endpoint", from.Endpoint, "--s3-access-key", from.AccessKey,
		"--s3-secret-key", from.SecretKey, "--s3-bucket", from.Bucket, "--to-endpoint", to.Endpoint,
		"--to-access-key", to.AccessKey, "--to-secret-key", to.SecretKey, "--to-bucket", to.Bucket}, &out, &errOut)
	if err != nil {
		t.Fatalf("mirror %s → %s: %v %s", from.Bucket, to.Bucket, err, errOut.String())
	}
	t.Logf("mirror %s → %s: %s", from.Bucket, to.Bucket, out.String())
}

type digest struct {
	rows int64
	md5  string
}

// tableDigests gives each table of the public schema its row count and a digest of its rows.
func tableDigests(t *testing.T, url string) map[string]digest {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, _ := conn.Query(ctx, `SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`)
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]digest{}
	for _, table := range tables {
		var d digest
		q := fmt.Sprintf(`SELECT count(*), coalesce(md5(string_agg(t::text, E'\n' ORDER BY t::text)), '') FROM %s t`, pgx.Identifier{table}.Sanitize())
		if err := conn.QueryRow(ctx, q).Scan(&d.rows, &d.md5); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		out[table] = d
	}
	return out
}
