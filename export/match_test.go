package export_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/export"
)

// TestWorkbookCarriesCitizenLinks (issue 18, point 5): the birth workbook carries the linked
// personal ID numbers (the child's in nksSoDinhDanh, a parent's in chaSoDinhDanhCaNhan /
// meSoDinhDanhCaNhan where the entry has a link for them) and every link's status in ghiChu;
// a link a person rejected gives no number. The JSON Lines carry the same links.
func TestWorkbookCarriesCitizenLinks(t *testing.T) {
	b := setup(t)
	ctx := context.Background()
	l := b.ledgers[domain.KindBirth]
	entries := []map[string]string{birth(0), birth(1), birth(2), birth(3)}
	ids := b.seed(t, l, 1, entries)
	for i, id := range ids {
		b.confirm(t, id, entries[i])
	}
	save := func(id int64, person string, st domain.MatchStatus, cands ...string) {
		m := domain.RecordMatch{RecordID: id, Person: person, Status: st}
		for _, c := range cands {
			m.Candidates = append(m.Candidates, domain.MatchCandidate{CitizenID: c, Score: 0.97})
		}
		if _, err := b.store.SaveMatch(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	save(ids[0], "", domain.MatchProposed, "001094000111")
	save(ids[0], "mother", domain.MatchProposed, "001070000222")
	save(ids[1], "", domain.MatchReview, "001094000333", "001094000444")
	if err := b.store.DecideMatch(ctx, ids[1], "", b.clerk, 1, domain.MatchAccepted, "001094000444"); err != nil {
		t.Fatal(err)
	}
	save(ids[2], "", domain.MatchProposed, "001094000555")
	if err := b.store.DecideMatch(ctx, ids[2], "", b.clerk, 1, domain.MatchRejected, ""); err != nil {
		t.Fatal(err)
	}
	// ids[3] has no link at all.

	rows := exportRows(t, b, domain.ExportScope{LedgerID: l.ID})
	col := index(rows[0])
	want := []struct{ child, father, mother, note string }{
		{"001094000111", "", "001070000222", "Đối sánh CSDL dân cư: đề xuất tự động, chưa người xác nhận (số định danh 001094000111); " +
			"Đối sánh CSDL dân cư (mẹ): đề xuất tự động, chưa người xác nhận (số định danh 001070000222)"},
		{"001094000444", "", "", "Đối sánh CSDL dân cư: đã xác nhận (số định danh 001094000444)"},
		{"", "", "", "Đối sánh CSDL dân cư: không khớp"},
		{"", "", "", ""},
	}
	for i, w := range want {
		row := pad(rows[i+1], len(rows[0]))
		got := [4]string{row[col["nksSoDinhDanh"]], row[col["chaSoDinhDanhCaNhan"]], row[col["meSoDinhDanhCaNhan"]], row[col["ghiChu"]]}
		if got != [4]string{w.child, w.father, w.mother, w.note} {
			t.Errorf("entry %d: got nksSoDinhDanh %q, chaSoDinhDanhCaNhan %q, meSoDinhDanhCaNhan %q, ghiChu %q; want %+v",
				i, got[0], got[1], got[2], got[3], w)
		}
	}

	// JSON Lines: the links by person, with the number when linked.
	jsonl := exportBytes(t, b, domain.ExportScope{LedgerID: l.ID}, domain.FormatJSONL)
	type line struct {
		Matches []domain.ExportMatch `json:"matches"`
	}
	var lines []line
	sc := bufio.NewScanner(bytes.NewReader(jsonl))
	for sc.Scan() {
		var j line
		if err := json.Unmarshal(sc.Bytes(), &j); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, j)
	}
	if len(lines) != 4 || len(lines[0].Matches) != 2 || lines[0].Matches[1] != (domain.ExportMatch{Person: "mother", Status: domain.MatchProposed, CitizenID: "001070000222"}) ||
		lines[2].Matches[0] != (domain.ExportMatch{Status: domain.MatchRejected}) || lines[3].Matches == nil || len(lines[3].Matches) != 0 {
		t.Errorf("JSON Lines links: got %+v", lines)
	}
}

// exportBytes exports a scope in a format and returns the file.
func exportBytes(t *testing.T, b *testBundle, sc domain.ExportScope, f domain.ExportFormat) []byte {
	t.Helper()
	ctx := context.Background()
	req, err := export.Resolve(ctx, b.store, export.Request{Scope: sc, Format: f, Actor: "t"})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := export.Write(ctx, b.store, &buf, req); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// exportRows exports a scope as XLSX and returns its sheet's rows.
func exportRows(t *testing.T, b *testBundle, sc domain.ExportScope) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(exportBytes(t, b, sc, domain.FormatXLSX)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(export.SheetName)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
