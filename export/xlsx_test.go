package export_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/export"
)

// TestBirthWorkbookEqualsDatabase exports a birth ledger as the import workbook, reads it back
// with excelize and compares every mapped cell with the database, the header with the reference
// column list, codes and dates with the rules, and every Vietnamese letter byte for byte.
func TestBirthWorkbookEqualsDatabase(t *testing.T) {
	b := setup(t)
	ctx := context.Background()
	l := b.ledgers[domain.KindBirth]
	entries := make([]map[string]string, 8)
	for i := range entries {
		entries[i] = birth(i)
	}
	letters := []rune(vietnameseLetters())
	entries[1]["full_name"] = string(letters[:len(letters)/2]) // every lower-case letter
	entries[2]["full_name"] = string(letters[len(letters)/2:]) // every upper-case letter
	entries[3]["birth_place"] = "=HYPERLINK(\"http://x\")"     // a formula from a hostile scan
	entries[3]["father_name"] = "-Trần Văn Á"                  // a leading minus
	entries[4]["father_name"] = ""                             // unclear, left empty by the clerk
	entries[4]["sex"] = ""                                     // unknown sex
	entries[5]["birth_date"] = "1994-07"                       // only month and year in the book
	entries[6]["registration_date"] = "1995"                   // only a year
	ids := b.seed(t, l, 3, entries)
	ids2 := b.seed(t, l, 1, []map[string]string{birth(20)}) // an earlier page: must come first
	for i, id := range ids[:7] {                            // the last entry stays pending: not exported
		b.confirm(t, id, entries[i])
	}
	b.confirm(t, ids2[0], birth(20))

	req, err := export.Resolve(ctx, b.store, export.Request{Scope: domain.ExportScope{LedgerID: l.ID}, Format: domain.FormatXLSX, Actor: "giamsat"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	rec, err := export.Write(ctx, b.store, &buf, req)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 1 || got[0] != "DL Import" {
		t.Fatalf("got sheets %q, want only \"DL Import\"", got)
	}
	rows, err := f.GetRows("DL Import")
	if err != nil {
		t.Fatal(err)
	}
	checkHeader(t, rows[0], domain.KindBirth)
	if len(rows) != 1+8 {
		t.Fatalf("got %d data rows, want 8 (7 confirmed on page 3, 1 on page 1; the pending one left out)", len(rows)-1)
	}
	if rec.Entries != 8 {
		t.Errorf("recorded %d entries, want 8", rec.Entries)
	}
	col := index(rows[0])
	want := append(ids2[:1:1], ids[:7]...)
	for n, id := range want {
		row := pad(rows[n+1], len(rows[0]))
		checkBirthRow(t, b, row, col, id, n+1)
	}
	// Hostile and unclear values.
	r4 := pad(rows[4+1], len(rows[0])) // entries[3]
	if got := r4[col["nksNoiSinh"]]; got != "'=HYPERLINK(\"http://x\")" {
		t.Errorf("formula cell: got %q, want it neutralised with a leading apostrophe", got)
	}
	if got := r4[col["chaHoTen"]]; got != "'-Trần Văn Á" {
		t.Errorf("minus cell: got %q, want %q", got, "'-Trần Văn Á")
	}
	r5 := pad(rows[5+1], len(rows[0]))
	if got := r5[col["nksGioiTinh"]]; got != "3" {
		t.Errorf("unknown sex: got code %q, want 3", got)
	}
	if got := r5[col["ghiChu"]]; !strings.Contains(got, "Thiếu / chưa rõ: Giới tính, Họ và tên cha") {
		t.Errorf("ghiChu: got %q, want it to list Giới tính and Họ và tên cha as thiếu / chưa rõ", got)
	}
	r6 := pad(rows[6+1], len(rows[0]))
	if r6[col["nksNgaySinh"]] != "" || !strings.Contains(r6[col["ghiChu"]], "Ngày, tháng, năm sinh chỉ ghi 07.1994") {
		t.Errorf("partial birth date: got cell %q and note %q, want a blank cell and the note", r6[col["nksNgaySinh"]], r6[col["ghiChu"]])
	}
	for _, row := range rows {
		for _, c := range row {
			if c != "" && strings.ContainsAny(c[:1], "=+-@\t\r") {
				t.Errorf("cell %q starts with a formula character", c)
			}
		}
	}
	checkRecorded(t, b, rec, buf.Bytes())
}

// checkBirthRow compares one workbook row with the entry in the database.
func checkBirthRow(t *testing.T, b *testBundle, row []string, col map[string]int, id int64, n int) {
	t.Helper()
	ctx := context.Background()
	r, err := b.store.Record(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	p, err := b.store.RecordPlace(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	v := map[string]string{}
	for _, f := range r.Fields {
		v[f.Name] = f.Value
	}
	safe := export.Safe
	want := map[string]string{
		"STT": strconv.Itoa(n), "so": v["entry_no"], "quyenSo": p.Book, "trangSo": strconv.Itoa(p.Page), "loaiDangKy": "6",
		"noiDangKy": "UBND Phường Gia Sàng, Thành phố Thái Nguyên, Tỉnh Thái Nguyên",
		"nksHoTen":  safe(v["full_name"]), "nksNoiSinh": safe(v["birth_place"]), "nksDanToc": v["ethnicity"],
		"nksQuocTich": v["nationality"], "nksNgaySinhBangChu": v["birth_date_in_words"],
		"chaHoTen": safe(v["father_name"]), "meHoTen": safe(v["mother_name"]),
		"ngayDangKy": dotted(v["registration_date"]), "nksNgaySinh": dotted(v["birth_date"]),
		"nksGioiTinh":   map[string]string{"Nam": "1", "Nữ": "2"}[v["sex"]],
		"nksSoDinhDanh": "", "meSoDinhDanhCaNhan": "", "nguoiKy": "", "soDangKyNuocNgoai": "",
	}
	if want["nksGioiTinh"] == "" {
		want["nksGioiTinh"] = "3"
	}
	dateRE := regexp.MustCompile(`^\d{2}\.\d{2}\.\d{4}$`)
	for name, w := range want {
		got := row[col[name]]
		if got != w {
			t.Errorf("record %d, column %s: got %q, want %q", id, name, got, w)
		}
		if !norm.NFC.IsNormalString(got) {
			t.Errorf("record %d, column %s: %q is not NFC", id, name, got)
		}
		if strings.HasPrefix(name, "ngay") || strings.HasSuffix(name, "NgaySinh") {
			if got != "" && !dateRE.MatchString(got) {
				t.Errorf("record %d, column %s: got %q, want dd.mm.yyyy", id, name, got)
			}
		}
	}
}

// dotted is the independent expectation for a date column: whole ISO dates as dd.mm.yyyy.
func dotted(iso string) string {
	d, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return ""
	}
	return d.Format("02.01.2006")
}

// checkHeader compares a header row with the project's column list and, when the shared
// reference data is at hand, with the reference file itself.
func checkHeader(t *testing.T, header []string, k domain.Kind) {
	t.Helper()
	want, err := export.Columns(k)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(header, "|") != strings.Join(want, "|") {
		t.Fatalf("header: got %q, want %q", header, want)
	}
	wantLen := map[domain.Kind]int{domain.KindBirth: 70, domain.KindMarriage: 44, domain.KindDeath: 48}[k]
	if len(header) != wantLen {
		t.Errorf("header has %d columns, want %d", len(header), wantLen)
	}
	ref, err := os.ReadFile("../../shared/reference/import-template-" + string(k) + ".tsv")
	if err != nil {
		ref, err = os.ReadFile("/work/shared/reference/import-template-" + string(k) + ".tsv")
	}
	if err != nil {
		return // the shared reference is not part of the repository; the copy in columns/ is
	}
	copied, err := os.ReadFile("columns/" + string(k) + ".tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ref, copied) {
		t.Errorf("columns/%s.tsv differs from the shared reference file", k)
	}
}

// checkRecorded checks the export's record: the count, the bytes' checksum, the audit event.
func checkRecorded(t *testing.T, b *testBundle, rec domain.Export, file []byte) {
	t.Helper()
	sum := sha256.Sum256(file)
	exps, err := b.store.Exports(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(exps) == 0 || exps[0].ID != rec.ID {
		t.Fatalf("got exports %+v, want the latest to be %d", exps, rec.ID)
	}
	got := exps[0]
	if got.SHA256 != hex.EncodeToString(sum[:]) || got.Bytes != int64(len(file)) || got.Entries != rec.Entries || got.Actor != rec.Actor {
		t.Errorf("recorded %+v, want sha256 %x, %d bytes, %d entries by %s", got, sum, len(file), rec.Entries, rec.Actor)
	}
	trail, err := b.store.AuditTrail(context.Background(), "export", rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(trail) != 1 || trail[0].Action != "export.create" {
		t.Errorf("got audit trail %+v, want one export.create", trail)
	}
}

// TestWorkbookHeadersEveryKind exports a marriage and a death ledger and checks their headers and
// the kind's own columns.
func TestWorkbookHeadersEveryKind(t *testing.T) {
	b := setup(t)
	m := map[string]string{"entry_no": "7", "husband_name": "Lò Văn Ếch", "husband_birth_date": "1970-02-03",
		"husband_ethnicity": "Thái", "husband_residence": "Bản Mường, xã Chiềng Ơn", "wife_name": "Lường Thị Ỏn",
		"wife_birth_date": "1972", "wife_ethnicity": "Thái", "wife_residence": "Bản Nà", "registration_date": "1994-12-31"}
	d := map[string]string{"entry_no": "12", "full_name": "Đinh Công Ưởng", "sex": "Nam", "birth_date": "1920-05-06",
		"ethnicity": "Mường", "nationality": "Việt Nam", "residence": "Xóm Đồng Bẩm", "death_date": "1995-01-02",
		"death_place": "Tại nhà", "death_cause": "Già yếu", "registration_date": "1995-01-03"}
	for _, tc := range []struct {
		kind domain.Kind
		vals map[string]string
		want map[string]string
	}{
		{domain.KindMarriage, m, map[string]string{"chongHoTen": "Lò Văn Ếch", "chongNgaySinh": "03.02.1970", "voNgaySinh": "",
			"voNoiCuTru": "Bản Nà", "ngayDangKy": "31.12.1994", "ngayXacLapQuanHeHonNhan": "31.12.1994", "loaiDangKy": "6",
			"ghiChu": "Ngày sinh của vợ chỉ ghi 1972"}},
		{domain.KindDeath, d, map[string]string{"nktHoTen": "Đinh Công Ưởng", "nktGioiTinh": "1", "nktNgayChet": "02.01.1995",
			"nktNoiChet": "Tại nhà", "nktNguyenNhanChet": "Già yếu", "nktNoiCuTru": "Xóm Đồng Bẩm", "so": "12", "ghiChu": ""}},
	} {
		t.Run(string(tc.kind), func(t *testing.T) {
			l := b.ledgers[tc.kind]
			ids := b.seed(t, l, 2, []map[string]string{tc.vals})
			b.confirm(t, ids[0], tc.vals)
			rows := exportRows(t, b, domain.ExportScope{CommuneCode: "05461", Kind: tc.kind})
			checkHeader(t, rows[0], tc.kind)
			if len(rows) != 2 {
				t.Fatalf("got %d rows, want header and one entry", len(rows))
			}
			row, col := pad(rows[1], len(rows[0])), index(rows[0])
			for name, w := range tc.want {
				if got := row[col[name]]; got != w {
					t.Errorf("column %s: got %q, want %q", name, got, w)
				}
			}
		})
	}
}

func index(header []string) map[string]int {
	m := map[string]int{}
	for i, h := range header {
		m[h] = i
	}
	return m
}

// pad fills a row read back to the header's width: excelize drops trailing empty cells.
func pad(row []string, n int) []string {
	for len(row) < n {
		row = append(row, "")
	}
	return row
}
