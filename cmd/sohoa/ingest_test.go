package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

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
	if err := run(context.Background(), []string{"token", "revoke", "--station", "Gia Sàng 1", "--database-url", url}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
}

func sha256hex(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}
