package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/storage/storagetest"
)

// TestExportCommandWritesWorkbook runs `sohoa export` against a database with one confirmed
// birth entry and reads the workbook it wrote.
func TestExportCommandWritesWorkbook(t *testing.T) {
	ctx := context.Background()
	store, url := storagetest.StoreURL(t)
	clerk := domain.User{Username: "canbo", Role: domain.RoleClerk}
	if err := store.CreateUser(ctx, &clerk, "x", "test"); err != nil {
		t.Fatal(err)
	}
	l := domain.Ledger{CommuneCode: "05461", Kind: domain.KindBirth, Book: "03", YearFrom: 1990, YearTo: 1991}
	if err := store.CreateLedger(ctx, &l); err != nil {
		t.Fatal(err)
	}
	vals := map[string]string{"entry_no": "15", "full_name": "Hà Thị Ngọc Ánh", "sex": "Nữ", "birth_date": "1990-11-02",
		"registration_date": "1990-11-20", "mother_name": "Hà Thị Xuyến"}
	var id int64
	err := store.InTx(ctx, func(ctx context.Context, tx *storage.Tx) error {
		sum := sha256.Sum256([]byte("cli page"))
		sc := &domain.Scan{LedgerID: l.ID, Page: 7, SHA256: hex.EncodeToString(sum[:]), ObjectKey: "originals/x", Bytes: 1, ContentType: "image/png"}
		if err := tx.InsertScan(ctx, sc); err != nil {
			return err
		}
		r := &domain.Record{ScanID: sc.ID, Kind: domain.KindBirth}
		for pos, n := range domain.KindBirth.Fields() {
			r.Fields = append(r.Fields, domain.Field{Name: n, Position: pos, Value: vals[n]})
		}
		err := tx.InsertRecord(ctx, r)
		id = r.ID
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	final := map[string]string{}
	for _, n := range domain.KindBirth.Fields() {
		final[n] = vals[n]
	}
	storagetest.Hold(t, url, id, clerk.ID) // a decision needs the entry's lease
	if err := store.ConfirmRecord(ctx, id, clerk, domain.Confirmation{Version: 1, Values: final}); err != nil {
		t.Fatal(err)
	}

	out := filepath.Join(t.TempDir(), "so-3.xlsx")
	var stdout, stderr bytes.Buffer
	args := []string{"export", "--database-url", url, "--commune", "05461", "--kind", "khai-sinh", "--format", "xlsx", "--out", out}
	if err := run(ctx, args, &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "1 entries") {
		t.Errorf("stderr %q: want it to say 1 entries", stderr.String())
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for cell, want := range map[string]string{"A1": "STT", "B2": "15", "C2": "03", "D2": "7", "E2": "20.11.1990", "F2": "6",
		"M2": "Hà Thị Ngọc Ánh", "N2": "2", "O2": "02.11.1990", "AK2": "Hà Thị Xuyến"} {
		if got, err := f.GetCellValue("DL Import", cell); err != nil || got != want {
			t.Errorf("cell %s: got %q (%v), want %q", cell, got, err, want)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*part")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}

	if err := run(ctx, []string{"export", "--database-url", url, "--commune", "05461", "--format", "csv", "--out", out + ".csv"}, &stdout, &stderr); err == nil ||
		!strings.Contains(err.Error(), "kind") {
		t.Errorf("a commune's CSV without --kind: got %v, want an error asking for the kind", err)
	}
	if _, err := os.Stat(out + ".csv"); !os.IsNotExist(err) {
		t.Errorf("a refused export left a file: %v", err)
	}
}
