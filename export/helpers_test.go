package export_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/export"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/storage/storagetest"
)

var _ export.Store = (*storage.Store)(nil)

// testBundle is a migrated store with a clerk and a ledger of each kind in Phường Gia Sàng.
type testBundle struct {
	store   *storage.Store
	dbURL   string
	clerk   domain.User
	ledgers map[domain.Kind]domain.Ledger
}

func setup(t testing.TB) *testBundle {
	t.Helper()
	ctx := context.Background()
	b := &testBundle{ledgers: map[domain.Kind]domain.Ledger{}}
	b.store, b.dbURL = storagetest.StoreURL(t)
	b.clerk = domain.User{Username: "canbo", DisplayName: "Nguyễn Thị Lan", Role: domain.RoleClerk, Communes: []string{"05461"}}
	if err := b.store.CreateUser(ctx, &b.clerk, "x", "test"); err != nil {
		t.Fatal(err)
	}
	for i, k := range domain.Kinds {
		l := domain.Ledger{CommuneCode: "05461", Kind: k, Book: fmt.Sprintf("0%d/1994", i+1), YearFrom: 1994, YearTo: 1996}
		if err := b.store.CreateLedger(ctx, &l); err != nil {
			t.Fatal(err)
		}
		b.ledgers[k] = l
	}
	return b
}

// seed adds one page of entries with the given values (as OCR read them) and returns their ids.
func (b *testBundle) seed(t testing.TB, l domain.Ledger, page int, entries []map[string]string) []int64 {
	t.Helper()
	sum := sha256.Sum256(fmt.Appendf(nil, "ledger %d page %d", l.ID, page))
	var ids []int64
	err := b.store.InTx(context.Background(), func(ctx context.Context, tx *storage.Tx) error {
		sc := &domain.Scan{LedgerID: l.ID, Page: page, SHA256: hex.EncodeToString(sum[:]), ObjectKey: "originals/x",
			Bytes: 1, ContentType: "image/png"}
		if err := tx.InsertScan(ctx, sc); err != nil {
			return err
		}
		for i, vals := range entries {
			r := &domain.Record{ScanID: sc.ID, Index: i, Kind: l.Kind, Confidence: 0.8}
			for pos, name := range l.Kind.Fields() {
				r.Fields = append(r.Fields, domain.Field{Name: name, Position: pos, OCRText: vals[name], Value: vals[name], Confidence: 0.8})
			}
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
	return ids
}

// confirm confirms an entry as the clerk, with the given final values.
func (b *testBundle) confirm(t testing.TB, id int64, vals map[string]string) {
	t.Helper()
	ctx := context.Background()
	r, err := b.store.Record(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	final := map[string]string{}
	for _, f := range r.Fields {
		final[f.Name] = vals[f.Name]
	}
	storagetest.Hold(t, b.dbURL, id, b.clerk.ID) // a decision needs the entry's lease
	if err := b.store.ConfirmRecord(ctx, id, b.clerk, domain.Confirmation{Version: r.Version, Values: final}); err != nil {
		t.Fatal(err)
	}
}

// vietnameseLetters are every letter of Vietnamese with its marks, lower and upper case (NFC).
func vietnameseLetters() string {
	return "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ" +
		"AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ"
}

// surnames, middles and givens make varied synthetic names.
var (
	surnames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Ma", "Triệu"}
	middles  = []string{"Văn", "Thị", "Đức", "Quang", "Ngọc", "Thùy", "Hữu", "Xuân", "Mạnh", "Diệu"}
	givens   = []string{"Ân", "Bích", "Cường", "Dũng", "Ế", "Giang", "Hưởng", "Khuê", "Lợi", "Mỹ", "Nguyệt", "Oanh", "Phượng", "Quỳnh", "Sửu", "Tuấn", "Ưng", "Vỹ", "Yến", "Ỷ"}
)

func name(i int) string {
	return surnames[i%len(surnames)] + " " + middles[(i/3)%len(middles)] + " " + givens[(i*7)%len(givens)]
}

// birth is a varied synthetic birth entry.
func birth(i int) map[string]string {
	sex := []string{"Nam", "Nữ"}[i%2]
	return map[string]string{
		"entry_no": fmt.Sprint(i + 1), "full_name": name(i), "sex": sex,
		"birth_date": fmt.Sprintf("1994-%02d-%02d", 1+i%12, 1+i%28), "birth_date_in_words": "ngày mồng " + fmt.Sprint(1+i%9),
		"birth_place": "Trạm y tế xã Gia Sàng, huyện Đồng Hỷ", "ethnicity": []string{"Kinh", "Tày", "Nùng", "H'Mông"}[i%4],
		"nationality": "Việt Nam", "father_name": name(i + 5), "mother_name": name(i + 11),
		"registration_date": fmt.Sprintf("1995-%02d-%02d", 1+i%12, 1+(i*3)%28),
	}
}
