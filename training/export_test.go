package training_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/storage/storagetest"
	"github.com/sohoa/sohoa/synth"
	"github.com/sohoa/sohoa/training"
)

// fixture is a synthetic birth page kept as a scan whose cleaned page is in the object store,
// its entries in review with the truth's boxes and values.
type fixture struct {
	store   *storage.Store
	objects *storage.Objects
	ledger  domain.Ledger
	clerk   domain.User
	page    *image.Gray
	records []int64
	truth   synth.GroundTruth
}

func setup(t *testing.T) fixture {
	t.Helper()
	ctx := context.Background()
	f := fixture{store: storagetest.Store(t), objects: storagetest.Objects(t)}
	p, err := synth.Render(synth.Options{Seed: 5, Pages: 1, Kind: domain.KindBirth, Layout: synth.Layout("table"),
		Severity: synth.Severity("light"), Clean: true}, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.page, f.truth = p.Clean, p.Truth
	f.clerk = domain.User{Username: "canbo", DisplayName: "Nguyễn Thị Lan", Role: domain.RoleClerk, Communes: []string{"05461"}}
	if err := f.store.CreateUser(ctx, &f.clerk, "x", "test"); err != nil {
		t.Fatal(err)
	}
	f.ledger = domain.Ledger{CommuneCode: "05461", Kind: domain.KindBirth, Book: "01", YearFrom: p.Truth.Year, YearTo: p.Truth.Year}
	if err := f.store.CreateLedger(ctx, &f.ledger); err != nil {
		t.Fatal(err)
	}
	orig, err := f.objects.PutOriginal(ctx, bytes.NewReader(p.Encoded))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, p.Clean); err != nil {
		t.Fatal(err)
	}
	err = f.store.InTx(ctx, func(ctx context.Context, tx *storage.Tx) error {
		sc := &domain.Scan{LedgerID: f.ledger.ID, Page: 7, SHA256: orig.SHA256, ObjectKey: orig.Key, Bytes: orig.Bytes,
			ContentType: "image/png", Width: p.Image.Bounds().Dx(), Height: p.Image.Bounds().Dy()}
		if err := tx.InsertScan(ctx, sc); err != nil {
			return err
		}
		key := "derived/scans/test/clean.png"
		if err := f.objects.PutDerived(ctx, key, "image/png", bytes.NewReader(buf.Bytes()), int64(buf.Len())); err != nil {
			return err
		}
		for i, tr := range p.Truth.Records {
			r := &domain.Record{ScanID: sc.ID, Index: i, Kind: domain.KindBirth, Confidence: 0.5}
			for pos, tf := range tr.Fields {
				fd := domain.Field{Name: tf.Name, Position: pos, OCRText: tf.Value, Value: tf.Value, Confidence: 0.5}
				if tf.CleanBox != nil {
					fd.Box = &domain.Box{tf.CleanBox[0], tf.CleanBox[1], tf.CleanBox[2], tf.CleanBox[3]}
				}
				r.Fields = append(r.Fields, fd)
			}
			if err := tx.InsertRecord(ctx, r); err != nil {
				return err
			}
			f.records = append(f.records, r.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := f.store.RecordPlace(ctx, f.records[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := f.store.SetScanClean(ctx, sc.ScanID, "derived/scans/test/clean.png", p.Clean.Bounds().Dx(), p.Clean.Bounds().Dy()); err != nil {
		t.Fatal(err)
	}
	return f
}

// lease takes the next entry of the queue as the clerk (a decision needs the entry's lease) and
// checks it is id.
func (f fixture) lease(t *testing.T, id int64) {
	t.Helper()
	got, err := f.store.NextRecord(context.Background(), f.clerk, time.Minute)
	if err != nil || got != id {
		t.Fatalf("next entry: got %d, %v; want %d", got, err, id)
	}
}

// confirm confirms an entry as the clerk, with values changed by edit.
func (f fixture) confirm(t *testing.T, id int64, edit map[string]string) domain.Record {
	t.Helper()
	f.lease(t, id)
	rec, err := f.store.Record(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	c := domain.Confirmation{Version: rec.Version, Values: map[string]string{}}
	for _, fd := range rec.Fields {
		c.Values[fd.Name] = fd.Value
		if v, ok := edit[fd.Name]; ok {
			c.Values[fd.Name] = v
		}
	}
	if err := f.store.ConfirmRecord(context.Background(), id, f.clerk, c); err != nil {
		t.Fatal(err)
	}
	rec, err = f.store.Record(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// Confirmed fields keep their boxes, and the export writes each as a crop of the cleaned page
// with its confirmed text; missing fields, unclear and pending entries are left out.
func TestExportWritesConfirmedLines(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	if len(f.records) < 3 {
		t.Fatalf("synthetic page has %d entries, want at least 3", len(f.records))
	}
	first := f.confirm(t, f.records[0], map[string]string{"mother_name": ""}) // marked missing
	second := f.confirm(t, f.records[1], map[string]string{"full_name": "Nguyễn Văn Sửa"})
	f.lease(t, f.records[2])
	if err := f.store.FlagRecord(ctx, f.records[2], f.clerk, 1, "mờ"); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{} // line name suffix → text
	dates := 0
	for _, rec := range []domain.Record{first, second} {
		for _, fd := range rec.Fields {
			tf, _ := f.truth.Records[rec.Index].Field(fd.Name)
			if (fd.Box == nil) != (tf.CleanBox == nil) {
				t.Errorf("entry %d field %s: box %v after confirming, want %v", rec.Index, fd.Name, fd.Box, tf.CleanBox)
			}
			if fd.Box == nil {
				continue
			}
			if fd.Value == "" {
				continue
			}
			if domain.DisplayDate(fd.Value) != fd.Value { // an ISO date: not what the line shows
				dates++
				continue
			}
			want[strings.Join([]string{"E0" + string(rune('1'+rec.Index)), fd.Name}, "-")] = fd.Value
		}
	}
	out := filepath.Join(t.TempDir(), "gt")
	sum, err := training.Export(ctx, f.store, f.objects, training.Selection{LedgerID: f.ledger.ID}, out)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Lines != len(want) || sum.Pages != 1 || dates == 0 || sum.Normalised != dates {
		t.Fatalf("export: got %d lines from %d pages, %d dates left out; want %d from 1, %d dates left out",
			sum.Lines, sum.Pages, sum.Normalised, len(want), dates)
	}
	rows := readManifest(t, filepath.Join(out, "manifest.tsv"))
	if len(rows) != len(want) {
		t.Fatalf("manifest: %d rows, want %d", len(rows), len(want))
	}
	for _, row := range rows {
		checkLine(t, f, out, row, want)
	}
	if _, err := training.Export(ctx, f.store, f.objects, training.Selection{LedgerID: f.ledger.ID}, out); !errors.Is(err, domain.ErrConflict) {
		t.Errorf("second export into the same folder: err %v, want ErrConflict", err)
	}
	byCommune, err := training.Export(ctx, f.store, f.objects, training.Selection{Commune: "05461"}, filepath.Join(t.TempDir(), "c"))
	if err != nil || byCommune.Lines != len(want) {
		t.Errorf("export by commune: got %d lines, %v; want %d", byCommune.Lines, err, len(want))
	}
}

func readManifest(t *testing.T, path string) []map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Scan()
	head := strings.Split(sc.Text(), "\t")
	var rows []map[string]string
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != len(head) {
			t.Fatalf("manifest row %q: %d columns, want %d", sc.Text(), len(cols), len(head))
		}
		row := map[string]string{}
		for i, h := range head {
			row[h] = cols[i]
		}
		rows = append(rows, row)
	}
	return rows
}

// checkLine compares one exported pair with the database and the cleaned page.
func checkLine(t *testing.T, f fixture, out string, row map[string]string, want map[string]string) {
	t.Helper()
	name := row["name"]
	key := "E" + strings.Split(name, "-E")[1]
	text, ok := want[key]
	if !ok {
		t.Errorf("exported %s, which should not be", name)
		return
	}
	if strings.Contains(text, "-") && len(text) == 10 { // an ISO date is written dd/mm/yyyy
		text = text[8:10] + "/" + text[5:7] + "/" + text[0:4]
	}
	gt, err := os.ReadFile(filepath.Join(out, name+".gt.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if string(gt) != text+"\n" || !norm.NFC.IsNormalString(string(gt)) {
		t.Errorf("%s.gt.txt: got %q, want %q, NFC", name, gt, text+"\n")
	}
	if row["text"] != text || row["confirmed_by"] != "canbo" || row["ledger"] == "" || row["page"] != "7" || row["box"] == "" {
		t.Errorf("manifest row %v: want text %q, confirmed by canbo, page 7, a box", row, text)
	}
	pf, err := os.Open(filepath.Join(out, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	img, err := png.Decode(pf)
	if err != nil {
		t.Fatalf("%s.png: %v", name, err)
	}
	g, ok := img.(*image.Gray)
	if !ok {
		t.Fatalf("%s.png: %T, want greyscale", name, img)
	}
	var b [4]int
	for i, s := range strings.Split(row["box"], ",") {
		if _, err := fmt.Sscan(s, &b[i]); err != nil {
			t.Fatalf("manifest box %q: %v", row["box"], err)
		}
	}
	if g.Bounds().Dx() <= b[2]-b[0] || g.Bounds().Dy() <= b[3]-b[1] {
		t.Errorf("%s.png is %v, want the box %v with a margin", name, g.Bounds().Size(), b)
	}
	// The crop is the cleaned page's pixels, unchanged.
	m := max(4, (b[3]-b[1])/5)
	src := f.page.SubImage(image.Rect(b[0]-m, b[1]-m, b[2]+m, b[3]+m).Intersect(f.page.Bounds())).(*image.Gray)
	for y := 0; y < g.Bounds().Dy(); y++ {
		for x := 0; x < g.Bounds().Dx(); x++ {
			if g.GrayAt(g.Bounds().Min.X+x, g.Bounds().Min.Y+y) != src.GrayAt(src.Bounds().Min.X+x, src.Bounds().Min.Y+y) {
				t.Fatalf("%s.png differs from the cleaned page at (%d, %d)", name, x, y)
			}
		}
	}
}
