package ingest

import (
	"context"
	"fmt"
	"math"
	"os/exec"
	"regexp"
	"strconv"

	"github.com/sohoa/sohoa/domain"
)

// pdfBoxRe reads the page boxes `pdfinfo -box` prints. pdftoppm renders the MediaBox while
// pdfinfo's "size" is the CropBox, so a tiny file can declare an A4 crop over a huge medium: every
// box of every page is checked before anything is rendered.
var pdfBoxRe = regexp.MustCompile(`(?m)^Page\s+(\d+)\s+(MediaBox|CropBox|BleedBox|TrimBox|ArtBox):\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)`)

// checkPDFBoxes refuses a PDF any of whose page boxes would render over the pixel limit, or
// whose boxes pdfinfo could not list for every page.
func checkPDFBoxes(info []byte, pages int, lim Limits) error {
	seen := map[int]bool{}
	for _, m := range pdfBoxRe.FindAllSubmatch(info, -1) {
		page, _ := strconv.Atoi(string(m[1]))
		var v [4]float64
		for i := range v {
			f, err := strconv.ParseFloat(string(m[3+i]), 64)
			if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
				return fmt.Errorf("%w: damaged PDF file (page %d %s)", domain.ErrInvalid, page, m[2])
			}
			v[i] = f
		}
		w, h := math.Abs(v[2]-v[0]), math.Abs(v[3]-v[1])
		px := func(pts float64) float64 { return pts / 72 * float64(lim.PDFDPI) }
		if px(w) > 1e6 || px(h) > 1e6 || px(w)*px(h) > float64(lim.MaxPixels) {
			return fmt.Errorf("%w: page %d's %s is %.0f×%.0f pts, %.0f×%.0f pixels at %d dpi, over the limit of %d megapixels",
				domain.ErrInvalid, page, m[2], w, h, px(w), px(h), lim.PDFDPI, lim.MaxPixels/1_000_000)
		}
		if err := checkPixels(int(px(w)), int(px(h)), lim, page); err != nil {
			return err
		}
		seen[page] = true
	}
	for p := 1; p <= pages; p++ {
		if !seen[p] {
			return fmt.Errorf("%w: damaged PDF file (no size for page %d)", domain.ErrInvalid, p)
		}
	}
	return nil
}

// renderLimits bound the PDF renderer's process: address space and CPU seconds, on top of the
// wall-clock limit every tool has. A PDF can hide work the box check cannot see (huge images
// scaled down, deep content streams).
const (
	renderMemoryBytes = 3 << 30
	renderCPUSeconds  = 300
)

// limitedTool runs a tool under prlimit's memory and CPU limits when prlimit is installed
// (util-linux, always there on Debian).
func limitedTool(ctx context.Context, name string, args ...string) error {
	if _, err := exec.LookPath("prlimit"); err != nil {
		return tool(ctx, name, args...)
	}
	pre := []string{"--as=" + strconv.Itoa(renderMemoryBytes), "--cpu=" + strconv.Itoa(renderCPUSeconds), "--", name}
	return tool(ctx, "prlimit", append(pre, args...)...)
}
