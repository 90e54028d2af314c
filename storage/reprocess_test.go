package storage_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage/storagetest"
)

// reading is one OCR reading of a page: entry index → field values.
type reading map[int]map[string]string

func (rd reading) records() []domain.Record {
	var out []domain.Record
	for idx := range len(rd) + 2 {
		vals, ok := rd[idx]
		if !ok {
			continue
		}
		r := domain.Record{Index: idx, Kind: domain.KindDeath, Confidence: 0.6}
		for pos, name := range domain.KindDeath.Fields() {
			r.Fields = append(r.Fields, domain.Field{Name: name, Position: pos, OCRText: vals[name], Value: vals[name], Confidence: 0.6})
		}
		out = append(out, r)
	}
	return out
}

func deathValues(name, cause string) map[string]string {
	return map[string]string{"entry_no": "1", "full_name": name, "sex": "Nam", "birth_date": "1920-01-01", "ethnicity": "Kinh",
		"nationality": "Việt Nam", "residence": "Xóm Chùa", "death_date": "1994-02-02", "death_place": "Tại nhà",
		"death_cause": cause, "registration_date": "1994-02-03", "death_time": "", "declarant_name": ""}
}

// TestReprocessKeepsWhatPeopleDecided reads a page, has a clerk correct one entry and set another
// aside, reprocesses the ledger and saves a different reading: the person's values stay, the
// untouched entries take the new reading, and the run counts the unconfirmed fields that changed.
func TestReprocessKeepsWhatPeopleDecided(t *testing.T) {
	ctx := context.Background()
	store, url := storagetest.StoreURL(t)
	clerk := domain.User{Username: "canbo", Role: domain.RoleClerk}
	boss := domain.User{Username: "giamsat", Role: domain.RoleSupervisor}
	for _, u := range []*domain.User{&clerk, &boss} {
		if err := store.CreateUser(ctx, u, "x", "test"); err != nil {
			t.Fatal(err)
		}
	}
	l := domain.Ledger{CommuneCode: "05461", Kind: domain.KindDeath, Book: "02", YearFrom: 1994, YearTo: 1994}
	if err := store.CreateLedger(ctx, &l); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte("reprocess page"))
	sc := &domain.Scan{LedgerID: l.ID, Page: 4, SHA256: hex.EncodeToString(sum[:]), ObjectKey: "originals/x", Bytes: 1, ContentType: "image/png"}
	if saved, _, err := store.CommitScans(ctx, "reprocess-test", []domain.Scan{*sc}); err != nil {
		t.Fatal(err)
	} else {
		*sc = saved[0]
	}
	first := reading{0: deathValues("Lê Văn Tèo", "Giá yếu"), 1: deathValues("Phạm Thị Nở", "Ốm"), 2: deathValues("Vũ Đình Dậu", "Sốt rét")}
	if err := store.SaveExtraction(ctx, sc.ID, first.records()); err != nil {
		t.Fatal(err)
	}
	// The clerk corrects entry 0 and sets entry 1 aside; entry 2 nobody touches.
	id0 := storagetest.RecordID(t, url, sc.ID, 0)
	id1 := storagetest.RecordID(t, url, sc.ID, 1)
	corrected := deathValues("Lê Văn Tèo", "Già yếu")
	storagetest.Hold(t, url, id0, clerk.ID) // decisions need the entry's lease
	storagetest.Hold(t, url, id1, clerk.ID)
	if err := store.ConfirmRecord(ctx, id0, clerk, domain.Confirmation{Version: 1, Values: corrected}); err != nil {
		t.Fatal(err)
	}
	if err := store.FlagRecord(ctx, id1, clerk, 1, "Mờ"); err != nil {
		t.Fatal(err)
	}

	run, err := store.StartReprocess(ctx, boss, l.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var jobs int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind = 'process_scan' AND (args->>'scan_id')::bigint = $1`, sc.ID).Scan(&jobs); err != nil {
		t.Fatal(err)
	}
	if jobs != 2 { // the upload's and the reprocess's
		t.Errorf("got %d process_scan jobs for the scan, want 2", jobs)
	}
	// The better engine reads every entry differently, and finds a fourth.
	second := reading{0: deathValues("Lê Văn Teo", "Già yéu"), 1: deathValues("Phạm Thị Nờ", "Ốm"),
		2: deathValues("Vũ Đình Dần", "Sốt rét"), 3: deathValues("Hà Văn Tý", "Tai nạn")}
	second[2]["death_place"] = "Trạm xá"
	if err := store.SaveExtraction(ctx, sc.ID, second.records()); err != nil {
		t.Fatal(err)
	}

	checkValues(t, store, id0, corrected)
	if r, _ := store.Record(ctx, id1); r.Status != domain.RecordFlagged || r.Fields[1].Value != "Phạm Thị Nở" {
		t.Errorf("the set-aside entry: got %s %q, want flagged with Phạm Thị Nở", r.Status, r.Fields[1].Value)
	}
	id2 := storagetest.RecordID(t, url, sc.ID, 2)
	checkValues(t, store, id2, second[2])
	got, err := store.Reprocess(ctx, run)
	if err != nil {
		t.Fatal(err)
	}
	want := domain.Reprocess{Scans: 1, ScansDone: 1, FieldsChanged: 2, EntriesAdded: 1, EntriesKept: 2}
	if got.Scans != want.Scans || got.ScansDone != want.ScansDone || got.FieldsChanged != want.FieldsChanged ||
		got.EntriesAdded != want.EntriesAdded || got.EntriesKept != want.EntriesKept || got.EntriesRemoved != 0 || got.Actor != "giamsat" {
		t.Errorf("got run %+v, want %+v", got, want)
	}
	if s, _ := store.Scan(ctx, sc.ID); s.Status != domain.ScanInReview {
		t.Errorf("scan status %s, want in_review (two entries wait)", s.Status)
	}
	if _, err := store.StartReprocess(ctx, boss, 0, sc.ID); err != nil {
		t.Errorf("reprocess one scan: %v", err)
	}
	if _, err := store.StartReprocess(ctx, boss, 0, sc.ID); err == nil {
		t.Error("reprocessing a scan already on its way: got no error")
	}
}

func checkValues(t *testing.T, store interface {
	Record(context.Context, int64) (domain.Record, error)
}, id int64, want map[string]string) {
	t.Helper()
	r, err := store.Record(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.Fields {
		if f.Value != want[f.Name] {
			t.Errorf("record %d field %s: got %q, want %q", id, f.Name, f.Value, want[f.Name])
		}
	}
}
