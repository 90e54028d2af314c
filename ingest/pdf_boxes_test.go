package ingest

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/internal/badinput"
	"github.com/sohoa/sohoa/internal/testenv"
)

// boxPDF is a one-page PDF with the given MediaBox and CropBox (in points) and nothing drawn.
func boxPDF(media, crop [4]int) []byte { return badinput.PDF(1, 1, media, crop) }

// TestPDFCropBoxHidingAHugeMediaBoxIsRefusedBeforeRendering: pdfinfo's page size is the CropBox
// (A4 here) but pdftoppm renders the MediaBox; the file must be refused without rendering it.
func TestPDFCropBoxHidingAHugeMediaBoxIsRefusedBeforeRendering(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		testenv.Missing(t, "poppler-utils is not installed")
	}
	// At 72 dpi the A4 crop is 0.5 Mpx, within 2 Mpx; the 2000×2000 pt medium is 4 Mpx.
	lim := Limits{MaxPixels: 2_000_000, MaxPages: 5, PDFDPI: 72}
	tests := []struct {
		name        string
		media, crop [4]int
		refused     bool
	}{
		{"huge MediaBox under an A4 CropBox", [4]int{0, 0, 2000, 2000}, [4]int{0, 0, 595, 842}, true},
		{"negative-origin MediaBox", [4]int{-1500, -1500, 500, 500}, [4]int{0, 0, 500, 500}, true},
		{"A4 both", [4]int{0, 0, 595, 842}, [4]int{0, 0, 595, 842}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "upload.pdf")
			if err := os.WriteFile(path, boxPDF(tc.media, tc.crop), 0o600); err != nil {
				t.Fatal(err)
			}
			work := t.TempDir()
			pages, err := Split(context.Background(), path, PDF, work, lim)
			rendered, _ := filepath.Glob(filepath.Join(work, "*.png"))
			if !tc.refused {
				if err != nil || len(pages) != 1 {
					t.Fatalf("got %d pages, %v; want 1 page", len(pages), err)
				}
				return
			}
			if !errors.Is(err, domain.ErrInvalid) {
				t.Fatalf("got %v, want ErrInvalid", err)
			}
			if len(rendered) != 0 {
				t.Errorf("got %d rendered files %v, want the file refused before rendering", len(rendered), rendered)
			}
		})
	}
}
