package ocr

import (
	"context"
	"image"
	"slices"
	"time"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/imaging"
)

// A poor page (faded, stained, noisy: poorPage) is read a second time, from a second
// binarisation: the first one with its strokes trimmed of the grey halo blur leaves around them
// (imaging.TrimStrokes), which is closer to the ink as written but reads worse on its own
// (measured with sohoa eval on 6 heavy pages, seed 31: 47% of fields exact read from it alone,
// 60% from the first binarisation, 66% keeping per field the reading that validates; reading
// the greyscale page through Tesseract's own thresholding instead gave 64%). Per field the
// first reading is kept unless it fails its checks (or is missing) and the second passes them
// (or has a value); entries found only on the second read are added. The second read is
// skipped when the time left in the page's limit is less than twiceBudget times what the first
// read took, and when every field of the first read passes its checks.
const twiceBudget = 2.0

// readPoorTwice returns first, completed from a second read of the page from its trimmed
// binarisation (crops read again from other), when the page is poor and time allows. A failed
// second read leaves first as it is.
func (r *Reader) readPoorTwice(ctx context.Context, c *tessClient, res *imaging.Result, other *image.Gray, opts ExtractOptions, first Page, took time.Duration) Page {
	if !poorPage(res.Metrics) || !needsSecondRead(first) {
		return first
	}
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < time.Duration(twiceBudget*float64(took)) {
		return first
	}
	o := opts
	o.Layout, o.Kind = first.Layout, first.Kind // read it as the same kind of page
	thin := cloneGray(res.Binary)
	imaging.TrimStrokes(res.Gray, thin, imaging.TrimFraction)
	second, err := r.readPage(ctx, c, res, thin, other, o)
	if err != nil || second.Template != first.Template {
		return first
	}
	return mergeReadings(first, second)
}

// needsSecondRead says whether some field of p is missing or fails its checks.
func needsSecondRead(p Page) bool {
	for _, rec := range p.Records {
		for _, f := range rec.Fields {
			if !validates(f) {
				return true
			}
		}
	}
	return len(p.Records) == 0
}

// validates says whether f has a value and no error among its issues.
func validates(f Field) bool {
	if f.Value == "" {
		return false
	}
	return !slices.ContainsFunc(f.Issues, func(is domain.Issue) bool { return is.Severity != domain.SeverityNote })
}

// better says whether reading b of a field is to be kept over a, the first read's: only when a
// fails its checks and b passes them, or a has no value and b has one. Two readings that both
// pass keep the first, which is read from the image extraction is tuned on.
func better(b, a Field) bool {
	if va, vb := validates(a), validates(b); va != vb {
		return vb
	}
	return a.Value == "" && b.Value != ""
}

// mergeReadings keeps, field by field, the better of the two readings of each entry found in
// both (entries are matched by their vertical overlap), and adds the entries only second found.
func mergeReadings(first, second Page) Page {
	used := make([]bool, len(first.Records))
	for _, rec := range second.Records {
		j := matchRecord(first.Records, used, rec.Box)
		if j < 0 {
			first.Records = append(first.Records, rec)
			used = append(used, true)
			continue
		}
		used[j] = true
		mergeRecord(&first.Records[j], rec)
	}
	slices.SortStableFunc(first.Records, func(a, b Record) int { return a.Box[1] - b.Box[1] })
	for i := range first.Records {
		first.Records[i].Index = i
	}
	return first
}

// matchRecord is the unused record of recs overlapping box most in height, by at least half of
// the shorter one, or -1.
func matchRecord(recs []Record, used []bool, box domain.Box) int {
	best, bestOv := -1, 0
	for i, r := range recs {
		if used[i] {
			continue
		}
		ov := min(r.Box[3], box[3]) - max(r.Box[1], box[1])
		if ov > bestOv && 2*ov >= min(r.Box[3]-r.Box[1], box[3]-box[1]) {
			best, bestOv = i, ov
		}
	}
	return best
}

// mergeRecord takes into dst the fields of src that are better read, with the entry's issues
// about them, and the fields dst lacks.
func mergeRecord(dst *Record, src Record) {
	taken := map[string]bool{}
	for name, f := range src.Fields {
		if d, ok := dst.Fields[name]; ok && !better(f, d) {
			continue
		}
		dst.Fields[name] = f
		taken[name] = true
		dst.Absent = slices.DeleteFunc(dst.Absent, func(a string) bool { return a == name })
	}
	if len(taken) == 0 {
		return
	}
	dst.Issues = slices.DeleteFunc(dst.Issues, func(is domain.Issue) bool { return taken[is.Field] })
	for _, is := range src.Issues {
		if taken[is.Field] {
			dst.Issues = append(dst.Issues, is)
		}
	}
	dst.NeedsReview = false
	for _, f := range dst.Fields {
		dst.NeedsReview = dst.NeedsReview || f.NeedsReview
		dst.Box = dst.Box.Union(f.Box)
	}
}

func cloneGray(g *image.Gray) *image.Gray {
	return &image.Gray{Pix: append([]uint8(nil), g.Pix...), Stride: g.Stride, Rect: g.Rect}
}
