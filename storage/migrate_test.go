package storage_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/storage/storagetest"
)

func TestMigrateOnEmptyDatabaseIsIdempotent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := storagetest.DatabaseURL(t)
	store, err := storage.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()

	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	snapshot := func() (tables, units, riverVersions int) {
		t.Helper()
		err := conn.QueryRow(ctx, `SELECT
			(SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'),
			(SELECT count(*) FROM admin_units),
			(SELECT count(*) FROM river_migration)`).Scan(&tables, &units, &riverVersions)
		if err != nil {
			t.Fatal(err)
		}
		return
	}

	for run := 1; run <= 3; run++ {
		if err := store.Migrate(ctx, storagetest.Logger(t)); err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		v, err := store.SchemaVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if v < 1 {
			t.Fatalf("run %d: got schema version %d, want ≥ 1", run, v)
		}
		tables, units, rv := snapshot()
		if units != 63+696+10047 {
			t.Errorf("run %d: got %d admin units, want 10806", run, units)
		}
		if rv == 0 {
			t.Errorf("run %d: River's migrations were not applied", run)
		}
		for _, table := range []string{"ledgers", "scans", "records", "fields", "audit_events", "users", "station_tokens", "river_job"} {
			var ok bool
			if err := conn.QueryRow(ctx, `SELECT to_regclass($1) IS NOT NULL`, table).Scan(&ok); err != nil || !ok {
				t.Errorf("run %d: table %s missing (%v)", run, table, err)
			}
		}
		t.Logf("run %d: %d tables, version %d", run, tables, v)
	}
}

func TestMigrateConcurrently(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := storagetest.DatabaseURL(t)
	errs := make(chan error, 3)
	for range 3 {
		go func() {
			s, err := storage.Open(ctx, url)
			if err != nil {
				errs <- err
				return
			}
			defer s.Close()
			errs <- s.Migrate(ctx, storagetest.Logger(t))
		}()
	}
	for range 3 {
		if err := <-errs; err != nil {
			t.Errorf("concurrent migrate: %v", err)
		}
	}
}

func TestAuditEventsAreAppendOnly(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, url := storagetest.StoreURL(t)
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `INSERT INTO audit_events (actor, action, entity, entity_id, new) VALUES ('test', 'create', 'ledger', 1, '{}')`); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{`UPDATE audit_events SET actor = 'x'`, `DELETE FROM audit_events`, `TRUNCATE audit_events`} {
		if _, err := conn.Exec(ctx, stmt); err == nil {
			t.Errorf("%s: got no error, want the append-only trigger to refuse it", stmt)
		}
	}
}
