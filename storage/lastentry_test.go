package storage_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"testing"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage/storagetest"
)

// TestLastEntryNumber reads the highest entry number of a page, the one the next page's entries
// follow on from: unreadable numbers are left out, and a page without entries has none.
func TestLastEntryNumber(t *testing.T) {
	ctx := context.Background()
	store := storagetest.Store(t)
	l := domain.Ledger{CommuneCode: "05461", Kind: domain.KindDeath, Book: "03", YearFrom: 1994, YearTo: 1994}
	if err := store.CreateLedger(ctx, &l); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte("last entry page"))
	sc := domain.Scan{LedgerID: l.ID, Page: 4, SHA256: hex.EncodeToString(sum[:]), ObjectKey: "originals/y", Bytes: 1, ContentType: "image/png"}
	saved, _, err := store.CommitScans(ctx, "last-entry-test", []domain.Scan{sc})
	if err != nil {
		t.Fatal(err)
	}
	rd := reading{0: deathValues("Lê Văn A", "Bệnh già"), 1: deathValues("Lê Văn B", "Bệnh già"), 2: deathValues("Lê Văn C", "Bệnh già")}
	rd[0]["entry_no"], rd[1]["entry_no"], rd[2]["entry_no"] = "215", "216", "2l7"
	if err := store.SaveExtraction(ctx, saved[0].ID, rd.records()); err != nil {
		t.Fatal(err)
	}
	if got, err := store.LastEntryNumber(ctx, l.ID, 4); err != nil || got != 216 {
		t.Fatalf("page 4: got %d, %v; want 216", got, err)
	}
	if _, err := store.LastEntryNumber(ctx, l.ID, 5); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("page 5, not read: got %v, want not found", err)
	}
}
