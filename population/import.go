package population

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
)

// Sink keeps imported citizens.
type Sink interface {
	UpsertCitizens(ctx context.Context, batch []domain.Citizen) (domain.ImportCounts, error)
	RefreshNameCounts(ctx context.Context) error
	ClusterCitizens(ctx context.Context) error
}

var _ Sink = (*storage.Store)(nil)

// Options tune an import.
type Options struct {
	Format   string        // "csv" or "jsonl"
	Batch    int           // rows per transaction (default 5000)
	Progress io.Writer     // where progress lines go (nil: none)
	Every    time.Duration // time between progress lines (default 2 s)
	// ClusterAt: when at least this many rows were inserted or updated, the table is rewritten
	// in block order afterwards (0: 100,000; negative: never).
	ClusterAt int64
}

// rowReader yields citizens one at a time; io.EOF at the end.
type rowReader interface {
	Next() (domain.Citizen, error)
	Line() int
}

// Import reads an extract from r and writes it to sink in batches. A bad row stops the import
// with its line number; the batches before it are kept, and importing the corrected file again
// is safe (rows are keyed by so_dinh_danh).
func Import(ctx context.Context, r io.Reader, sink Sink, opts Options) (domain.ImportCounts, error) {
	var total domain.ImportCounts
	rr, err := newReader(r, opts.Format)
	if err != nil {
		return total, err
	}
	opts.Batch = max(opts.Batch, 0)
	if opts.Batch == 0 {
		opts.Batch = 5000
	}
	if opts.Every <= 0 {
		opts.Every = 2 * time.Second
	}
	p := newProgress(opts.Progress, opts.Every)
	batch := make([]domain.Citizen, 0, opts.Batch)
	seen := make(map[string]int, opts.Batch)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		c, err := sink.UpsertCitizens(ctx, batch)
		if err != nil {
			return err
		}
		total.Inserted += c.Inserted
		total.Updated += c.Updated
		total.Unchanged += c.Unchanged
		batch = batch[:0]
		clear(seen)
		p.report(total, false)
		return nil
	}
	for {
		c, err := rr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return total, fmt.Errorf("line %d: %w", rr.Line(), err)
		}
		total.Read++
		if i, dup := seen[c.ID]; dup { // the same ID twice in a batch: the later row wins
			batch[i] = c
			total.Unchanged++
			continue
		}
		seen[c.ID] = len(batch)
		batch = append(batch, c)
		if len(batch) == opts.Batch {
			if err := flush(); err != nil {
				return total, err
			}
		}
	}
	if err := flush(); err != nil {
		return total, err
	}
	if err := sink.RefreshNameCounts(ctx); err != nil {
		return total, err
	}
	if opts.ClusterAt == 0 {
		opts.ClusterAt = 100_000
	}
	if opts.ClusterAt > 0 && total.Inserted+total.Updated >= opts.ClusterAt {
		if opts.Progress != nil {
			fmt.Fprintln(opts.Progress, "sắp xếp lại bảng công dân theo khối đối sánh (CLUSTER)…")
		}
		if err := sink.ClusterCitizens(ctx); err != nil {
			return total, err
		}
	}
	p.report(total, true)
	return total, nil
}
