package training

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/imaging"
)

// Lines finds the confirmed fields to export (storage.Store provides it).
type Lines interface {
	TrainingLines(ctx context.Context, ledgerID int64, commune string) ([]domain.TrainingLine, error)
}

// Images reads page images from the object store (storage.Objects provides it).
type Images interface {
	Get(ctx context.Context, key string) (io.ReadCloser, error)
}

// Selection says which lines to export: a ledger's (LedgerID > 0) or a commune's.
type Selection struct {
	LedgerID int64
	Commune  string
}

// Summary counts what an export wrote.
type Summary struct {
	Lines, Pages int
	Skipped      int // boxes outside their page
	Normalised   int // dates left out: kept as ISO, they no longer say what the line shows
}

// hanoi is the time zone of the manifest's times.
var hanoi = time.FixedZone("ICT", 7*3600)

// ErrNotEmpty is returned when the output folder already holds an export.
var ErrNotEmpty = fmt.Errorf("%w: the output folder already holds an export (manifest.tsv)", domain.ErrConflict)

// Export writes every confirmed line of the selection into the folder out (created if missing).
func Export(ctx context.Context, lines Lines, images Images, sel Selection, out string) (Summary, error) {
	if sel.LedgerID <= 0 && sel.Commune == "" {
		return Summary{}, fmt.Errorf("%w: say which ledger or commune to export", domain.ErrInvalid)
	}
	if _, err := os.Stat(filepath.Join(out, "manifest.tsv")); err == nil {
		return Summary{}, ErrNotEmpty
	}
	found, err := lines.TrainingLines(ctx, sel.LedgerID, sel.Commune)
	if err != nil {
		return Summary{}, err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return Summary{}, fmt.Errorf("export training: %w", err)
	}
	manifest, err := os.Create(filepath.Join(out, "manifest.tsv.part"))
	if err != nil {
		return Summary{}, fmt.Errorf("export training: %w", err)
	}
	defer manifest.Close()
	fmt.Fprintln(manifest, "name\tledger\tcommune\tbook\tpage\tscan\tentry\tfield\ttext\tconfirmed_by\tconfirmed_at\tbox")
	var sum Summary
	var page *image.Gray
	pageKey := ""
	for _, l := range found {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		if l.ImageKey != pageKey {
			if page, err = loadPage(ctx, images, l.ImageKey); err != nil {
				return sum, fmt.Errorf("page %d of ledger %d: %w", l.Page, l.LedgerID, err)
			}
			pageKey = l.ImageKey
			sum.Pages++
		}
		if err := exportLine(manifest, out, page, l, &sum); err != nil {
			return sum, err
		}
	}
	if err := manifest.Close(); err != nil {
		return sum, fmt.Errorf("export training: manifest: %w", err)
	}
	// The manifest appears last and whole: a folder with one holds a finished export.
	if err := os.Rename(filepath.Join(out, "manifest.tsv.part"), filepath.Join(out, "manifest.tsv")); err != nil {
		return sum, fmt.Errorf("export training: %w", err)
	}
	return sum, nil
}

// exportLine writes one line's crop and text and its row of the manifest, counting it in sum;
// a date (normalised when confirmed) or a box off the page is counted and left out.
func exportLine(manifest io.Writer, out string, page *image.Gray, l domain.TrainingLine, sum *Summary) error {
	if v := strings.TrimSpace(l.Value); domain.DisplayDate(v) != v {
		// "5/3/87", "05-03-1987" or a date in words all become one ISO date: the
		// written form cannot be recovered, so the pair would teach the wrong text.
		sum.Normalised++
		return nil
	}
	crop, ok := cut(page, l.Box)
	if !ok {
		sum.Skipped++
		return nil
	}
	name := lineName(l)
	text := lineText(l.Value)
	if err := writeLine(out, name, crop, text); err != nil {
		return err
	}
	b := l.Box
	fmt.Fprintf(manifest, "%s\t%d\t%s\t%s\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%d,%d,%d,%d\n", name, l.LedgerID, l.CommuneCode,
		tsv(l.Book), l.Page, l.ScanID, l.Entry+1, l.Field, text, tsv(l.ConfirmedBy),
		l.ConfirmedAt.In(hanoi).Format(time.RFC3339), b[0], b[1], b[2], b[3])
	sum.Lines++
	return nil
}

func loadPage(ctx context.Context, images Images, key string) (*image.Gray, error) {
	rc, err := images.Get(ctx, key)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	img, _, err := imaging.Decode(rc, imaging.Limits{})
	if err != nil {
		return nil, err
	}
	return imaging.Grayscale(img), nil
}

// cut is the box with a margin of a fifth of its height (at least 4 pixels) around it, clipped
// to the page; false when nothing of the box lies on the page.
func cut(page *image.Gray, b domain.Box) (*image.Gray, bool) {
	m := max(4, (b[3]-b[1])/5)
	r := image.Rect(b[0]-m, b[1]-m, b[2]+m, b[3]+m).Intersect(page.Bounds())
	if b[2] <= b[0] || b[3] <= b[1] || r.Empty() {
		return nil, false
	}
	return page.SubImage(r).(*image.Gray), true
}

// lineName names a line by where it comes from: L12-P0031-S45-E03-full_name.
func lineName(l domain.TrainingLine) string {
	return fmt.Sprintf("L%d-P%04d-S%d-E%02d-%s", l.LedgerID, l.Page, l.ScanID, l.Entry+1, l.Field)
}

// lineText is the confirmed text as one NFC line (dates never get here: see Normalised).
func lineText(v string) string {
	return norm.NFC.String(strings.Join(strings.Fields(v), " "))
}

func tsv(s string) string { return strings.Join(strings.Fields(s), " ") }

func writeLine(dir, name string, img *image.Gray, text string) error {
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		return fmt.Errorf("export training: %w", err)
	}
	err = png.Encode(f, img)
	err = errors.Join(err, f.Close())
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, name+".gt.txt"), []byte(text+"\n"), 0o644)
	}
	if err != nil {
		return fmt.Errorf("export training %s: %w", name, err)
	}
	return nil
}
