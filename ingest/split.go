package ingest

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig
	_ "image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/imaging"
)

// Limits bound what one upload may hold.
type Limits struct {
	MaxPixels int64 // per page, checked from the header before decoding
	MaxPages  int   // per file
	PDFDPI    int   // resolution PDF pages are rendered at
}

// DefaultLimits suit A3 pages at 600 dpi at most; a page has the pixel limit of the decoder.
var DefaultLimits = Limits{MaxPixels: imaging.DefaultMaxPixels, MaxPages: 500, PDFDPI: 300}

// Page is one page image ready to store.
type Page struct {
	Path        string // file holding exactly this page's image
	ContentType string
	Width       int
	Height      int
	SHA256      string
	Bytes       int64
}

// Split returns the page images in the file at path, of the given format. Single-page images are
// the file itself; pages cut from a multi-page file are written to workDir.
func Split(ctx context.Context, path string, format Format, workDir string, lim Limits) ([]Page, error) {
	switch format {
	case PNG, JPEG:
		return single(path, format, lim)
	case TIFF:
		return splitTIFF(ctx, path, workDir, lim)
	case PDF:
		return splitPDF(ctx, path, workDir, lim)
	}
	return nil, fmt.Errorf("%w: %s", domain.ErrUnsupported, format)
}

func checkPixels(w, h int, lim Limits, page int) error {
	if w < 50 || h < 50 {
		return fmt.Errorf("%w: page %d is %d×%d pixels, too small to be a scanned page", domain.ErrInvalid, page, w, h)
	}
	if int64(w)*int64(h) > lim.MaxPixels {
		return fmt.Errorf("%w: page %d is %d×%d pixels, over the limit of %d megapixels; scan at 300–400 dpi",
			domain.ErrInvalid, page, w, h, lim.MaxPixels/1_000_000)
	}
	return nil
}

func single(path string, format Format, lim Limits) ([]Page, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("%w: damaged %s file: %v", domain.ErrInvalid, strings.ToUpper(string(format)), err)
	}
	if err := checkPixels(cfg.Width, cfg.Height, lim, 1); err != nil {
		return nil, err
	}
	if err := checkComplete(path, format); err != nil {
		return nil, err
	}
	p := Page{Path: path, ContentType: format.ContentType(), Width: cfg.Width, Height: cfg.Height}
	return []Page{p}, p.hash()
}

func (p *Page) hash() error {
	f, err := os.Open(p.Path)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return fmt.Errorf("hash page: %w", err)
	}
	p.SHA256, p.Bytes = hex.EncodeToString(h.Sum(nil)), n
	return nil
}

func splitTIFF(ctx context.Context, path, workDir string, lim Limits) ([]Page, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	sizes, err := tiffPages(f, st.Size(), lim.MaxPages)
	f.Close()
	if err != nil {
		return nil, err
	}
	for i, s := range sizes {
		if err := checkPixels(s.width, s.height, lim, i+1); err != nil {
			return nil, err
		}
	}
	if len(sizes) == 1 {
		p := Page{Path: path, ContentType: TIFF.ContentType(), Width: sizes[0].width, Height: sizes[0].height}
		return []Page{p}, p.hash()
	}
	prefix := filepath.Join(workDir, "page-")
	if err := tool(ctx, "tiffsplit", path, prefix); err != nil {
		return nil, err
	}
	files, _ := filepath.Glob(prefix + "*.tif")
	sort.Strings(files) // tiffsplit names pages aaa, aab, … in order
	if len(files) != len(sizes) {
		return nil, fmt.Errorf("%w: TIFF has %d pages but %d could be cut out", domain.ErrInvalid, len(sizes), len(files))
	}
	pages := make([]Page, len(files))
	for i, file := range files {
		pages[i] = Page{Path: file, ContentType: TIFF.ContentType(), Width: sizes[i].width, Height: sizes[i].height}
		if err := pages[i].hash(); err != nil {
			return nil, err
		}
	}
	return pages, nil
}

var (
	pdfPagesRe = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)
	pdfSizeRe  = regexp.MustCompile(`(?m)^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts`)
)

func splitPDF(ctx context.Context, path, workDir string, lim Limits) ([]Page, error) {
	out, err := toolOutput(ctx, "pdfinfo", "-box", "-f", "1", "-l", strconv.Itoa(lim.MaxPages+1), path)
	if err != nil {
		return nil, fmt.Errorf("%w: damaged PDF file", domain.ErrInvalid)
	}
	m := pdfPagesRe.FindSubmatch(out)
	if m == nil {
		return nil, fmt.Errorf("%w: damaged PDF file (no page count)", domain.ErrInvalid)
	}
	n, _ := strconv.Atoi(string(m[1]))
	if n == 0 {
		return nil, fmt.Errorf("%w: the PDF has no pages", domain.ErrInvalid)
	}
	if n > lim.MaxPages {
		return nil, fmt.Errorf("%w: the file has more than %d pages; send it in parts", domain.ErrInvalid, lim.MaxPages)
	}
	if err := checkPDFBoxes(out, n, lim); err != nil {
		return nil, err
	}
	for _, s := range pdfSizeRe.FindAllSubmatch(out, -1) {
		page, _ := strconv.Atoi(string(s[1]))
		w, _ := strconv.ParseFloat(string(s[2]), 64)
		h, _ := strconv.ParseFloat(string(s[3]), 64)
		px := func(pts float64) int { return int(pts / 72 * float64(lim.PDFDPI)) }
		if err := checkPixels(px(w), px(h), lim, page); err != nil {
			return nil, err
		}
	}
	prefix := filepath.Join(workDir, "page")
	if err := limitedTool(ctx, "pdftoppm", "-r", strconv.Itoa(lim.PDFDPI), "-png", path, prefix); err != nil {
		return nil, err
	}
	files, _ := filepath.Glob(prefix + "-*.png")
	sort.Slice(files, func(i, j int) bool { return pageNumber(files[i]) < pageNumber(files[j]) })
	if len(files) != n {
		return nil, fmt.Errorf("%w: PDF has %d pages but %d could be rendered", domain.ErrInvalid, n, len(files))
	}
	pages := make([]Page, 0, n)
	for i, file := range files {
		ps, err := single(file, PNG, lim)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		pages = append(pages, ps[0])
	}
	return pages, nil
}

func pageNumber(file string) int {
	base := strings.TrimSuffix(filepath.Base(file), ".png")
	n, _ := strconv.Atoi(base[strings.LastIndexByte(base, '-')+1:])
	return n
}

// tool runs a Debian command-line tool with a time limit.
func tool(ctx context.Context, name string, args ...string) error {
	_, err := toolOutput(ctx, name, args...)
	return err
}

func toolOutput(ctx context.Context, name string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).CombinedOutput()
	var notFound *exec.Error
	if errors.As(err, &notFound) {
		return nil, fmt.Errorf("%s is not installed (run scripts/deps.sh): %w", name, err)
	}
	if err != nil {
		return out, fmt.Errorf("%s: %w: %.300s", name, err, out)
	}
	return out, nil
}
