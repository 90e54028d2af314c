package storage_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/complete"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/storage/storagetest"
)

// The database folds Vietnamese exactly as package complete does, for every letter with every
// tone, in both cases.
func TestFoldInDatabaseMatchesComplete(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, url := storagetest.StoreURL(t)
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var words []string
	words = append(words, "đ", "Đ")
	for _, base := range strings.Split("a ă â e ê i o ô ơ u ư y", " ") {
		for _, tone := range []string{"", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"} {
			words = append(words, base+tone, strings.ToUpper(base)+tone)
		}
	}
	words = append(words, "Xóm Đông, xã Tân Lập", "NGUYỄN THỊ HƯỜNG", "Trạm y tế Phường Gia Sàng")
	for _, w := range words {
		var got string
		if err := conn.QueryRow(ctx, `SELECT sohoa_fold(normalize($1, NFC))`, w).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if want := complete.Fold(w); got != want {
			t.Errorf("sohoa_fold(%q) = %q, want %q", w, got, want)
		}
	}
}

// placeFixture adds a ledger in a commune with one page of entries whose birth place and name
// are given, and confirms the first confirmN of them.
func placeFixture(t *testing.T, s *storage.Store, commune string, places []string, confirmN int) []int64 {
	t.Helper()
	ctx := context.Background()
	l := domain.Ledger{CommuneCode: commune, Kind: domain.KindBirth, Book: "01", YearFrom: 1980, YearTo: 1982}
	if err := s.CreateLedger(ctx, &l); err != nil {
		t.Fatal(err)
	}
	u := domain.User{Username: "canbo-" + commune, Role: domain.RoleClerk, Communes: []string{commune}}
	if err := s.CreateUser(ctx, &u, "x", "test"); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	err := s.InTx(ctx, func(ctx context.Context, tx *storage.Tx) error {
		sc := &domain.Scan{LedgerID: l.ID, Page: 1, SHA256: strings.Repeat(commune[len(commune)-1:], 64), ObjectKey: "originals/x",
			Bytes: 1, ContentType: "image/png", Width: 100, Height: 100}
		if err := tx.InsertScan(ctx, sc); err != nil {
			return err
		}
		for i, p := range places {
			r := &domain.Record{ScanID: sc.ID, Index: i, Kind: domain.KindBirth, Fields: []domain.Field{
				{Name: "full_name", Position: 0, Value: "Xóm Đặng " + p}, {Name: "birth_place", Position: 1, Value: p}}}
			if err := tx.InsertRecord(ctx, r); err != nil {
				return err
			}
			ids = append(ids, r.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for range confirmN { // a decision needs the entry's lease: take the entries as a clerk does
		id, err := s.NextRecord(ctx, u, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		rec, err := s.Record(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		c := domain.Confirmation{Version: rec.Version, Values: map[string]string{}}
		for _, f := range rec.Fields {
			c.Values[f.Name] = f.Value
		}
		if err := s.ConfirmRecord(ctx, id, u, c); err != nil {
			t.Fatal(err)
		}
	}
	return ids
}

func TestConfirmedPlacesOfTheCommune(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, url := storagetest.StoreURL(t)
	ids := placeFixture(t, s, "05461", []string{"xóm Đồng Bẩm, phường Gia Sàng", "Trạm y tế phường Gia Sàng",
		"xóm Đồng Bẩm, phường Gia Sàng", "xóm Đông, phường Gia Sàng", "xóm Đầm, phường Gia Sàng"}, 4)
	placeFixture(t, s, "05464", []string{"xóm Đồi, phường Tân Lập"}, 1)

	for _, tc := range []struct {
		prefix string
		want   []string
	}{
		// Most used first; the fifth entry is not confirmed; another commune's places and
		// names that fold alike ("Xóm Đặng …" in full_name) are not places.
		{"xom d", []string{"xóm Đồng Bẩm, phường Gia Sàng", "xóm Đông, phường Gia Sàng"}},
		{"xom dong b", []string{"xóm Đồng Bẩm, phường Gia Sàng"}},
		{"tram", []string{"Trạm y tế phường Gia Sàng"}},
		{"z", []string{}},
		{"x", []string{}}, // one letter: too short to look up (it would match every "xóm …")
	} {
		got, err := s.ConfirmedPlaces(ctx, "05461", tc.prefix, 10)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("ConfirmedPlaces(%q): got %q, want %q", tc.prefix, got, tc.want)
		}
	}

	// The query can use its index.
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `SET enable_seqscan = off`); err != nil {
		t.Fatal(err)
	}
	var plan strings.Builder
	rows, _ := conn.Query(ctx, `EXPLAIN SELECT value FROM confirmed_places WHERE commune_code = '05461'
		AND folded ~>=~ 'xom' AND folded ~<~ ('xom' || chr(1114111)) ORDER BY uses DESC, value LIMIT 10`)
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		plan.WriteString(line + "\n")
	}
	if !strings.Contains(plan.String(), "confirmed_places_prefix") {
		t.Errorf("plan does not use confirmed_places_prefix:\n%s", plan.String())
	}

	// The entry above, and the register's context.
	prev, err := s.PreviousValues(ctx, ids[1])
	if err != nil || prev["birth_place"] != "xóm Đồng Bẩm, phường Gia Sàng" {
		t.Errorf("PreviousValues(second entry): got %v, %v; want the first entry's", prev, err)
	}
	if prev, err := s.PreviousValues(ctx, ids[0]); err != nil || len(prev) != 0 {
		t.Errorf("PreviousValues(first entry): got %v, %v; want none", prev, err)
	}
	// Nothing is copied from an entry nobody confirmed: its values are OCR readings.
	unread := placeFixture(t, s, "05467", []string{"xóm Một", "xóm Hai"}, 0)
	if prev, err := s.PreviousValues(ctx, unread[1]); err != nil || len(prev) != 0 {
		t.Errorf("PreviousValues(below an unconfirmed entry): got %v, %v; want none", prev, err)
	}
	ec, err := s.EntryContext(ctx, ids[0])
	if err != nil || ec != (domain.EntryContext{CommuneCode: "05461", Kind: domain.KindBirth, Year: 1982, YearFrom: 1980}) {
		t.Errorf("EntryContext: got %+v, %v", ec, err)
	}
	confirmedPlacesFollowFields(ctx, t, s, conn, ids)
}

// confirmedPlacesFollowFields checks the per-commune table follows its fields: a confirmed
// place corrected to another value moves its use to that value, and a field taken back to an
// OCR reading (or deleted) gives its use back.
func confirmedPlacesFollowFields(ctx context.Context, t *testing.T, s *storage.Store, conn *pgx.Conn, ids []int64) {
	t.Helper()
	want := func(prefix string, w ...string) {
		t.Helper()
		got, err := s.ConfirmedPlaces(ctx, "05461", prefix, 10)
		if err != nil {
			t.Fatal(err)
		}
		if w == nil {
			w = []string{}
		}
		if !slices.Equal(got, w) {
			t.Errorf("ConfirmedPlaces(%q): got %q, want %q", prefix, got, w)
		}
	}
	exec := func(sql string, args ...any) {
		t.Helper()
		if _, err := conn.Exec(ctx, sql, args...); err != nil {
			t.Fatal(err)
		}
	}
	// The first entry's "xóm Đồng Bẩm" corrected to "xóm Mới": one use left of each.
	exec(`UPDATE fields SET value = 'xóm Mới, phường Gia Sàng', status = 'corrected' WHERE record_id = $1 AND name = 'birth_place'`, ids[0])
	want("xom", "xóm Mới, phường Gia Sàng", "xóm Đông, phường Gia Sàng", "xóm Đồng Bẩm, phường Gia Sàng")
	// Taken back to the OCR reading: no longer a confirmed place.
	exec(`UPDATE fields SET status = 'ocr' WHERE record_id = $1 AND name = 'birth_place'`, ids[0])
	want("xom m")
	// The fourth entry's place (the only "xóm Đông") deleted.
	exec(`DELETE FROM fields WHERE record_id = $1 AND name = 'birth_place'`, ids[3])
	want("xom dong", "xóm Đồng Bẩm, phường Gia Sàng")
	// Another commune's places stay its own.
	if got, err := s.ConfirmedPlaces(ctx, "05464", "xom", 10); err != nil || !slices.Equal(got, []string{"xóm Đồi, phường Tân Lập"}) {
		t.Errorf("ConfirmedPlaces(05464): got %q, %v", got, err)
	}
}
