package storage_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/storage/storagetest"
)

// TestAppRoleCannotTouchTheAuditTrigger: migrated by the owner, the database gives the
// application's role rows to read and write, but not the power to alter, disable or replace the
// audit trail's trigger, to change or delete audit events, or to migrate.
func TestAppRoleCannotTouchTheAuditTrigger(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, ownerURL := storagetest.StoreURL(t)
	admin := storagetest.Require(t, "SOHOA_TEST_DATABASE_URL")
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	role, password := "sohoa_app_"+hex.EncodeToString(b), hex.EncodeToString(b)+"-pw"
	if err := storage.EnsureRole(ctx, admin, role, password); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := storage.DropRole(context.Background(), admin, ownerURL, role); err != nil {
			t.Errorf("drop role: %v", err)
		}
	})
	if err := storage.GrantApp(ctx, ownerURL, role); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(ownerURL)
	u.User = url.UserPassword(role, password)
	appURL := u.String()

	// The application works as the role: a ledger, an account, a scan and its job, all audited.
	app, err := storage.Open(ctx, appURL)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	l := domain.Ledger{CommuneCode: "05461", Kind: domain.KindBirth, Book: "01", YearFrom: 1990, YearTo: 1995}
	if err := app.CreateLedgerBy(ctx, &l, "station:thử"); err != nil {
		t.Fatalf("create ledger as the app role: %v", err)
	}
	usr := domain.User{Username: "canbo", Role: domain.RoleClerk, Communes: []string{"05461"}}
	if err := app.CreateUser(ctx, &usr, "$argon2id$v=19$m=65536,t=3,p=2$c2FsdA$a2V5", "test"); err != nil {
		t.Fatalf("create user as the app role: %v", err)
	}
	sc := domain.Scan{LedgerID: l.ID, Page: 1, SHA256: hex.EncodeToString(make([]byte, 32)), ObjectKey: "originals/x", Bytes: 1, ContentType: "image/png"}
	if _, _, err := app.CommitScans(ctx, "roles-test", []domain.Scan{sc}); err != nil {
		t.Fatalf("add a scan and its job as the app role: %v", err)
	}
	if err := app.Migrate(ctx, storagetest.Logger(t)); err == nil {
		t.Error("the app role migrated the schema; want it refused")
	}

	conn, err := pgx.Connect(ctx, appURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, q := range []string{
		"ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only",
		"ALTER TABLE audit_events DISABLE TRIGGER ALL",
		"DROP TRIGGER audit_events_append_only ON audit_events",
		"CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
		"UPDATE audit_events SET actor = 'someone else'",
		"DELETE FROM audit_events",
		"TRUNCATE audit_events",
		"SET session_replication_role = replica",
		"DROP TABLE audit_events",
		"CREATE TABLE evil (x int)",
	} {
		if _, err := conn.Exec(ctx, q); err == nil {
			t.Errorf("%s: accepted as the app role, want refused", q)
		}
	}
	var n int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM audit_events WHERE action IN ('ledger.create', 'user.create')").Scan(&n); err != nil || n != 2 {
		t.Errorf("got %d audit events (%v), want 2 (ledger.create, user.create) left as written", n, err)
	}
}
