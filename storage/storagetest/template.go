package storagetest

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/storage"
)

// templateLock is the advisory-lock key under which one test process builds the template
// database while the others wait for it.
const templateLock = 0x53_54_4d_50 // "STMP"

// template is the name of a database migrated once for every test process with the same
// schema (storage.SchemaDigest): a test's store is a clone of it, made in a fraction of the
// time a migration takes (about 1 s against 5 s on a busy machine). The template stays on the
// test server for the next run; a new migration gives a new digest, so a new template.
var template = sync.OnceValues(func() (string, error) {
	admin := adminURL()
	digest, err := storage.SchemaDigest()
	if err != nil {
		return "", err
	}
	name := "sohoa_template_" + digest[:16]
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		return "", fmt.Errorf("template database: %w", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", templateLock); err != nil {
		return "", fmt.Errorf("template database: lock: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", templateLock) //nolint:errcheck
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return "", fmt.Errorf("template database: %w", err)
	}
	if exists {
		return name, nil
	}
	// Built under another name and renamed when complete, so a half-built template (a test
	// process killed while migrating) is never cloned.
	building := name + "_" + randomHex(4)
	if err := storage.CreateDatabase(ctx, admin, building); err != nil {
		return "", err
	}
	err = func() error {
		s, err := storage.Open(ctx, withDatabase(admin, building))
		if err != nil {
			return err
		}
		defer s.Close() // every session must end before the database can be renamed or cloned
		return s.Migrate(ctx, slog.New(slog.DiscardHandler))
	}()
	if err == nil {
		_, err = conn.Exec(ctx, "ALTER DATABASE "+pgx.Identifier{building}.Sanitize()+" RENAME TO "+pgx.Identifier{name}.Sanitize())
	}
	if err != nil {
		_ = storage.DropDatabase(context.WithoutCancel(ctx), admin, building)
		return "", fmt.Errorf("template database: %w", err)
	}
	return name, nil
})

// migratedDatabaseURL is DatabaseURL with the schema already migrated: a clone of the template.
func migratedDatabaseURL(t testing.TB) string {
	t.Helper()
	admin := adminURL()
	if admin == "" {
		Require(t, "SOHOA_TEST_DATABASE_URL") // skips, or fails in CI
	}
	tmpl, err := template()
	if err != nil {
		t.Fatal(err)
	}
	name := "sohoa_test_" + randomHex(6)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+" TEMPLATE "+pgx.Identifier{tmpl}.Sanitize()); err != nil {
		t.Fatalf("clone the template database: %v", err)
	}
	t.Cleanup(func() {
		if err := storage.DropDatabase(context.Background(), admin, name); err != nil {
			t.Errorf("drop test database: %v", err)
		}
	})
	return withDatabase(admin, name)
}

func withDatabase(admin, name string) string {
	u, err := url.Parse(admin)
	if err != nil {
		return admin
	}
	u.Path = "/" + name
	return u.String()
}

func adminURL() string { return os.Getenv("SOHOA_TEST_DATABASE_URL") }
