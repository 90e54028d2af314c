package main

import (
	"bytes"
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/storage/storagetest"
	"github.com/sohoa/sohoa/synth"
)

func TestCompleteCommand(t *testing.T) {
	t.Setenv("SOHOA_DATABASE_URL", "") // reference data only
	for _, tc := range []struct {
		args  []string
		first string
	}{
		{[]string{"complete", "--field", "name", "nguyen", "van", "an"}, "Nguyễn Văn An"},
		{[]string{"complete", "--field", "birth_place", "--year", "1980", "--commune", "05464", "bac th"}, "tỉnh Bắc Thái"},
		{[]string{"complete", "--field", "date", "--year", "1990", "5 3 87"}, "05/03/1987"},
		{[]string{"complete", "--field", "cause_of_death", "--limit", "3", "ung thu"}, "Ung thư"},
	} {
		var out, errs bytes.Buffer
		if err := run(context.Background(), tc.args, &out, &errs); err != nil {
			t.Fatalf("%q: %v (%s)", tc.args, err, errs.String())
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		if lines[0] != tc.first || len(lines) > 10 {
			t.Errorf("%q: got %q, want %q first and at most 10 lines", tc.args, lines, tc.first)
		}
	}
	var out, errs bytes.Buffer
	if err := run(context.Background(), []string{"complete", "--field", "colour", "x"}, &out, &errs); err == nil ||
		!strings.Contains(err.Error(), "--field") {
		t.Errorf("unknown field type: err %v, want one naming --field", err)
	}
}

// The replay counts fewer keys with completion than by hand on a small birth corpus.
func TestCompleteReplay(t *testing.T) {
	dir := t.TempDir()
	err := synth.Generate(context.Background(), synth.Options{Seed: 3, Pages: 1, Kind: domain.KindBirth, Severity: synth.Severity("light")}, func(p synth.Page) error {
		return p.Save(dir)
	})
	if err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	if err := run(context.Background(), []string{"complete", "--replay", dir}, &out, &errs); err != nil {
		t.Fatalf("replay: %v (%s)", err, errs.String())
	}
	m := regexp.MustCompile(`khai-sinh\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)%`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("replay output lacks the birth row:\n%s", out.String())
	}
	entries, _ := strconv.Atoi(m[1])
	hand, _ := strconv.Atoi(m[2])
	assisted, _ := strconv.Atoi(m[3])
	if entries == 0 || assisted <= 0 || assisted >= hand {
		t.Errorf("replay: %d entries, %d keys by hand, %d with completion; want fewer with completion\n%s", entries, hand, assisted, out.String())
	}
	t.Logf("\n%s", out.String())
}

// With the database, places clerks confirmed in the register's commune come first, and only
// that commune's.
func TestCompleteCommandConfirmedPlaces(t *testing.T) {
	ctx := context.Background()
	s, url := storagetest.StoreURL(t)
	t.Setenv("SOHOA_DATABASE_URL", url)
	addConfirmedPlace(ctx, t, s, url, "05461", "xóm Đồng Bẩm, phường Gia Sàng")
	addConfirmedPlace(ctx, t, s, url, "05464", "xóm Đồi Chè, phường Tân Lập")
	for _, tc := range []struct {
		commune, first string
		absent         string
	}{
		{"05461", "xóm Đồng Bẩm, phường Gia Sàng", "xóm Đồi Chè, phường Tân Lập"},
		{"05464", "xóm Đồi Chè, phường Tân Lập", "xóm Đồng Bẩm, phường Gia Sàng"},
	} {
		var out, errs bytes.Buffer
		if err := run(ctx, []string{"complete", "--field", "place", "--commune", tc.commune, "xom d"}, &out, &errs); err != nil {
			t.Fatalf("%s: %v (%s)", tc.commune, err, errs.String())
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		if lines[0] != tc.first || slices.Contains(lines, tc.absent) {
			t.Errorf("commune %s: got %q, want %q first and not %q", tc.commune, lines, tc.first, tc.absent)
		}
	}
}

// addConfirmedPlace adds a ledger of commune with one entry whose birth place a clerk
// confirmed (the field's status set as a confirmation sets it).
func addConfirmedPlace(ctx context.Context, t *testing.T, s *storage.Store, url, commune, place string) {
	t.Helper()
	l := domain.Ledger{CommuneCode: commune, Kind: domain.KindBirth, Book: "01", YearFrom: 1980, YearTo: 1982}
	if err := s.CreateLedger(ctx, &l); err != nil {
		t.Fatal(err)
	}
	var recID int64
	err := s.InTx(ctx, func(ctx context.Context, tx *storage.Tx) error {
		sc := &domain.Scan{LedgerID: l.ID, Page: 1, SHA256: strings.Repeat(commune[len(commune)-1:], 64), ObjectKey: "originals/x",
			Bytes: 1, ContentType: "image/png", Width: 100, Height: 100}
		if err := tx.InsertScan(ctx, sc); err != nil {
			return err
		}
		r := &domain.Record{ScanID: sc.ID, Kind: domain.KindBirth, Fields: []domain.Field{{Name: "birth_place", Value: place}}}
		if err := tx.InsertRecord(ctx, r); err != nil {
			return err
		}
		recID = r.ID
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `UPDATE fields SET status = 'confirmed' WHERE record_id = $1`, recID); err != nil {
		t.Fatal(err)
	}
}
