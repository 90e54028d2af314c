package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/storage/storagetest"
)

// TestCrashedUploadIsCollectedOnNextStart plays a server killed between storing an upload's
// original and committing its scan row: the next start removes that object, and keeps every
// object a scan refers to.
func TestCrashedUploadIsCollectedOnNextStart(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a := &app{cfg: &config.Config{}, logger: storagetest.Logger(t), store: storagetest.Store(t), objects: storagetest.Objects(t)}
	ledger := &domain.Ledger{CommuneCode: "05461", Kind: domain.KindDeath, YearFrom: 1980, YearTo: 1985}
	if err := a.store.CreateLedger(ctx, ledger); err != nil {
		t.Fatal(err)
	}
	put := func(uploadID, content string) storage.Original {
		t.Helper()
		key := domain.OriginalKey(sha256hex(content))
		if err := a.store.MarkPending(ctx, uploadID, key); err != nil {
			t.Fatal(err)
		}
		o, err := a.objects.PutOriginal(ctx, strings.NewReader(content))
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	crashed := put("crashed", "page the server never acknowledged")
	// An upload that committed, plus a crashed second upload of the very same bytes.
	kept := put("ok", "page that was accepted")
	err := a.store.InTx(ctx, func(ctx context.Context, tx *storage.Tx) error {
		sc := &domain.Scan{LedgerID: ledger.ID, Page: 1, SHA256: kept.SHA256, ObjectKey: kept.Key, Bytes: kept.Bytes, ContentType: "image/png"}
		if err := tx.InsertScan(ctx, sc); err != nil {
			return err
		}
		return tx.ClearPending(ctx, "ok")
	})
	if err != nil {
		t.Fatal(err)
	}
	put("crashed-too", "page that was accepted")

	a.collectUnacknowledged(ctx, 0)

	if _, err := a.objects.Get(ctx, crashed.Key); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unacknowledged object: got %v, want it collected (ErrNotFound)", err)
	}
	if got := storagetest.ReadAll(t, a.objects, kept.Key); string(got) != "page that was accepted" {
		t.Errorf("accepted original: got %q, want it kept intact", got)
	}
	if keys, err := a.store.Unacknowledged(ctx, 0); err != nil || len(keys) != 0 {
		t.Errorf("after collection: got %v, %v; want nothing left pending", keys, err)
	}
}

func TestTokenCreatePrintsTheTokenAlone(t *testing.T) {
	t.Parallel()
	url := storagetest.DatabaseURL(t)
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"token", "create", "--station", "Gia Sàng 1", "--database-url", url}, &out, &errOut); err == nil || !strings.Contains(err.Error(), "--commune") {
		t.Fatalf("without --commune: got %v, want an error naming --commune (a token works for its communes only)", err)
	}
	if err := run(context.Background(), []string{"token", "create", "--station", "Gia Sàng 1", "--commune", "05461", "--database-url", url}, &out, &errOut); err != nil {
		t.Fatal(err, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "sst_") {
		t.Fatalf("got stdout %q, want the token alone on one line", out.String())
	}
	if err := run(context.Background(), []string{"token", "create", "--database-url", url}, &out, &errOut); err == nil || !strings.Contains(err.Error(), "--station") {
		t.Fatalf("without --station: got %v, want an error naming --station", err)
	}
	store, err := storage.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if st, err := store.StationByToken(context.Background(), auth.HashToken(lines[0])); err != nil || strings.Join(st.Communes, ",") != "05461" {
		t.Fatalf("the new token: got %+v, %v; want it scoped to 05461", st, err)
	}
	if err := run(context.Background(), []string{"token", "scope", "--station", "Gia Sàng 1", "--commune", "05461", "--commune", "05464", "--database-url", url}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if st, err := store.StationByToken(context.Background(), auth.HashToken(lines[0])); err != nil || strings.Join(st.Communes, ",") != "05461,05464" {
		t.Fatalf("after token scope: got %+v, %v; want 05461,05464", st, err)
	}
	if err := run(context.Background(), []string{"token", "revoke", "--station", "Gia Sàng 1", "--database-url", url}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
}

func sha256hex(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// TestUserManagementCommands: disable, enable, communes and revoke-sessions change the account
// and are audited with the actor "cli".
func TestUserManagementCommands(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := storagetest.DatabaseURL(t)
	store, err := storage.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := store.Migrate(ctx, storagetest.Logger(t)); err != nil {
		t.Fatal(err)
	}
	u := domain.User{Username: "canbo", Role: domain.RoleClerk, Communes: []string{"05461"}}
	if err := store.CreateUser(ctx, &u, "$argon2id$v=19$m=65536,t=3,p=2$c2FsdA$a2V5", "test"); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	for _, args := range [][]string{{"disable", "canbo"}, {"enable", "canbo"}, {"communes", "--commune", "05464", "canbo"}, {"revoke-sessions", "canbo"}} {
		if err := run(ctx, append([]string{"user"}, append(args, "--database-url", url)...), &out, &errOut); err != nil {
			t.Fatalf("user %v: %v %s", args, err, errOut.String())
		}
	}
	got, err := store.User(ctx, u.ID)
	if err != nil || got.Disabled || strings.Join(got.Communes, ",") != "05464" {
		t.Fatalf("got %+v, %v; want enabled with commune 05464", got, err)
	}
	trail, err := store.AuditTrail(ctx, "user", u.ID)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range trail {
		if e.Actor == "cli" {
			actions = append(actions, e.Action)
		}
	}
	if want := "user.disable user.enable user.communes user.sessions_revoke"; strings.Join(actions, " ") != want {
		t.Errorf("got audit %q, want %q", strings.Join(actions, " "), want)
	}
}
