package export_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/export"
	"github.com/sohoa/sohoa/storage/storagetest"
)

// TestCSVBothSeparators exports CSV with ; and , and reads it back: byte-order mark, Vietnamese
// headers, values and dates as people read them, formula-safe cells.
func TestCSVBothSeparators(t *testing.T) {
	b := setup(t)
	ctx := context.Background()
	l := b.ledgers[domain.KindBirth]
	e := birth(3)
	e["birth_place"] = "@SUM(A1:A9); xã Phúc Xuân"
	ids := b.seed(t, l, 4, []map[string]string{e})
	b.confirm(t, ids[0], e)
	for _, comma := range []rune{';', ','} {
		t.Run(string(comma), func(t *testing.T) {
			req, err := export.Resolve(ctx, b.store, export.Request{Scope: domain.ExportScope{LedgerID: l.ID}, Format: domain.FormatCSV, Comma: comma})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			rec, err := export.Write(ctx, b.store, &buf, req)
			if err != nil {
				t.Fatal(err)
			}
			body, ok := bytes.CutPrefix(buf.Bytes(), []byte("\ufeff"))
			if !ok {
				t.Fatal("the CSV does not start with a UTF-8 byte-order mark")
			}
			r := csv.NewReader(bytes.NewReader(body))
			r.Comma = comma
			rows, err := r.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 2 {
				t.Fatalf("got %d rows, want header and one entry", len(rows))
			}
			col := index(rows[0])
			for _, h := range []string{"Mã mục", "Họ và tên", "Ngày, tháng, năm sinh", "Họ và tên mẹ", "Người xác nhận", "Ghi chú"} {
				if _, ok := col[h]; !ok {
					t.Errorf("header %q missing from %q", h, rows[0])
				}
			}
			row := rows[1]
			checks := map[string]string{"Họ và tên": e["full_name"], "Ngày, tháng, năm sinh": "04/04/1994",
				"Nơi sinh": "'@SUM(A1:A9); xã Phúc Xuân", "Người xác nhận": "canbo", "Xã / phường / thị trấn": "Phường Gia Sàng",
				"Trạng thái": "đã xác nhận", "Quyển số": l.Book}
			for h, want := range checks {
				if got := row[col[h]]; got != want {
					t.Errorf("%s: got %q, want %q", h, got, want)
				}
			}
			checkRecorded(t, b, rec, buf.Bytes())
		})
	}
}

// TestJSONLinesStableIDsAndProvenance exports twice: the same entries have the same ids, and
// each line says where the entry comes from and who confirmed it.
func TestJSONLinesStableIDsAndProvenance(t *testing.T) {
	b := setup(t)
	ctx := context.Background()
	l := b.ledgers[domain.KindDeath]
	d := map[string]string{"entry_no": "3", "full_name": "Vi Thị Ửng", "sex": "Nữ", "birth_date": "1931-09-09",
		"ethnicity": "Nùng", "nationality": "Việt Nam", "residence": "Xóm Làng Đông", "death_date": "1994-03-01",
		"death_place": "Tại nhà", "death_cause": "", "registration_date": "1994-03-02"}
	ids := b.seed(t, l, 9, []map[string]string{d, d})
	b.confirm(t, ids[0], d)
	storagetest.Hold(t, b.dbURL, ids[1], b.clerk.ID)
	if err := b.store.FlagRecord(ctx, ids[1], b.clerk, 1, "Mờ, không đọc được nơi chết"); err != nil {
		t.Fatal(err)
	}
	var runs [2][]map[string]any
	for i := range runs {
		req, err := export.Resolve(ctx, b.store, export.Request{Scope: domain.ExportScope{CommuneCode: "05461", IncludeUnfinished: true},
			Format: domain.FormatJSONL, Actor: "cli:test"})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := export.Write(ctx, b.store, &buf, req); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(&buf)
		for sc.Scan() {
			var m map[string]any
			if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
				t.Fatalf("line %q: %v", sc.Text(), err)
			}
			runs[i] = append(runs[i], m)
		}
	}
	if len(runs[0]) != 2 || len(runs[1]) != 2 {
		t.Fatalf("got %d and %d lines, want 2 each (one confirmed, one set aside, asked for both)", len(runs[0]), len(runs[1]))
	}
	for i := range runs[0] {
		if runs[0][i]["id"] != runs[1][i]["id"] || runs[0][i]["id"] != export.EntryID(ids[i]) {
			t.Errorf("entry %d: ids %v and %v, want %s in both exports", i, runs[0][i]["id"], runs[1][i]["id"], export.EntryID(ids[i]))
		}
	}
	p := runs[0][0]["provenance"].(map[string]any)
	if p["confirmed_by"] != "canbo" || p["page"] != 9.0 || p["entry"] != 1.0 || p["ledger_id"] != float64(l.ID) || p["confirmed_at"] == nil {
		t.Errorf("provenance %v: want confirmed_by canbo, page 9, entry 1, ledger %d and a time", p, l.ID)
	}
	if v := runs[0][0]["values"].(map[string]any); v["full_name"] != "Vi Thị Ửng" || v["death_date"] != "1994-03-01" {
		t.Errorf("values %v: want the stored values", v)
	}
	if u := runs[0][0]["unclear"].([]any); len(u) != 1 || u[0] != "death_cause" {
		t.Errorf("unclear %v, want [death_cause]", u)
	}
	p2 := runs[0][1]["provenance"].(map[string]any)
	if p2["status"] != "flagged" || !strings.Contains(p2["flag_reason"].(string), "Mờ") {
		t.Errorf("second entry's provenance %v: want it flagged with its reason", p2)
	}
}

// TestOnlyFinishedUnlessAsked checks that a flagged entry is left out by default and listed with
// its reason in ghiChu when asked for.
func TestOnlyFinishedUnlessAsked(t *testing.T) {
	b := setup(t)
	ctx := context.Background()
	l := b.ledgers[domain.KindBirth]
	ids := b.seed(t, l, 1, []map[string]string{birth(0), birth(1)})
	b.confirm(t, ids[0], birth(0))
	storagetest.Hold(t, b.dbURL, ids[1], b.clerk.ID)
	if err := b.store.FlagRecord(ctx, ids[1], b.clerk, 1, "Trang rách"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		all  bool
		want int64
	}{{false, 1}, {true, 2}} {
		req, err := export.Resolve(ctx, b.store, export.Request{Scope: domain.ExportScope{LedgerID: l.ID, IncludeUnfinished: tc.all}, Format: domain.FormatCSV})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		rec, err := export.Write(ctx, b.store, &buf, req)
		if err != nil {
			t.Fatal(err)
		}
		if rec.Entries != tc.want {
			t.Errorf("include unfinished %v: got %d entries, want %d", tc.all, rec.Entries, tc.want)
		}
		if tc.all && !strings.Contains(buf.String(), "Để riêng: Trang rách") {
			t.Errorf("the set-aside entry's reason is not in the notes:\n%s", buf.String())
		}
	}
}

// TestResolveRefuses checks the requests that cannot be served.
func TestResolveRefuses(t *testing.T) {
	b := setup(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		req  export.Request
	}{
		{"neither ledger nor commune", export.Request{Format: domain.FormatCSV}},
		{"both", export.Request{Scope: domain.ExportScope{LedgerID: b.ledgers[domain.KindBirth].ID, CommuneCode: "05461"}, Format: domain.FormatCSV}},
		{"commune workbook without kind", export.Request{Scope: domain.ExportScope{CommuneCode: "05461"}, Format: domain.FormatXLSX}},
		{"kind not the ledger's", export.Request{Scope: domain.ExportScope{LedgerID: b.ledgers[domain.KindBirth].ID, Kind: domain.KindDeath}, Format: domain.FormatCSV}},
		{"unknown format", export.Request{Scope: domain.ExportScope{CommuneCode: "05461", Kind: domain.KindBirth}, Format: "pdf"}},
		{"unknown ledger", export.Request{Scope: domain.ExportScope{LedgerID: 999999}, Format: domain.FormatCSV}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := export.Resolve(ctx, b.store, tc.req); err == nil {
				t.Errorf("got no error for %+v", tc.req)
			}
		})
	}
}
