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
	opts = opts.withDefaults()
	b := &batcher{sink: sink, p: newProgress(opts.Progress, opts.Every), total: &total,
		batch: make([]domain.Citizen, 0, opts.Batch), seen: make(map[string]int, opts.Batch)}
	for {
		c, err := rr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return total, fmt.Errorf("line %d: %w", rr.Line(), err)
		}
		total.Read++
		if i, dup := b.seen[c.ID]; dup { // the same ID twice in a batch: the later row wins
			b.batch[i] = c
			total.Unchanged++
			continue
		}
		b.seen[c.ID] = len(b.batch)
		b.batch = append(b.batch, c)
		if len(b.batch) == opts.Batch {
			if err := b.flush(ctx); err != nil {
				return total, err
			}
		}
	}
	if err := b.flush(ctx); err != nil {
		return total, err
	}
	if err := sink.RefreshNameCounts(ctx); err != nil {
		return total, err
	}
	if opts.ClusterAt > 0 && total.Inserted+total.Updated >= opts.ClusterAt {
		if opts.Progress != nil {
			fmt.Fprintln(opts.Progress, "sắp xếp lại bảng công dân theo khối đối sánh (CLUSTER)…")
		}
		if err := sink.ClusterCitizens(ctx); err != nil {
			return total, err
		}
	}
	b.p.report(total, true)
	return total, nil
}

// withDefaults fills the batch size, the progress interval and the clustering threshold.
func (o Options) withDefaults() Options {
	o.Batch = max(o.Batch, 0)
	if o.Batch == 0 {
		o.Batch = 5000
	}
	if o.Every <= 0 {
		o.Every = 2 * time.Second
	}
	if o.ClusterAt == 0 {
		o.ClusterAt = 100_000
	}
	return o
}

// batcher writes citizens to the sink a batch at a time, adding up the counts.
type batcher struct {
	sink  Sink
	p     *progress
	total *domain.ImportCounts
	batch []domain.Citizen
	seen  map[string]int // citizen ID → position in batch
}

// flush writes the batch, if any, and reports progress.
func (b *batcher) flush(ctx context.Context) error {
	if len(b.batch) == 0 {
		return nil
	}
	c, err := b.sink.UpsertCitizens(ctx, b.batch)
	if err != nil {
		return err
	}
	b.total.Inserted += c.Inserted
	b.total.Updated += c.Updated
	b.total.Unchanged += c.Unchanged
	b.batch = b.batch[:0]
	clear(b.seen)
	b.p.report(*b.total, false)
	return nil
}
