package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // decoders for DecodeConfig
	_ "image/png"
	"io"
	"log/slog"

	"github.com/riverqueue/river"
	_ "golang.org/x/image/tiff"

	"github.com/sohoa/sohoa/domain"
)

// Store is what the pipeline needs of the database.
type Store interface {
	Scan(ctx context.Context, id int64) (domain.Scan, error)
	SetScanStatus(ctx context.Context, id int64, status domain.ScanStatus, reason string) error
	SetScanSize(ctx context.Context, id int64, width, height int) error
}

// Objects is what the pipeline needs of the object store.
type Objects interface {
	Get(ctx context.Context, key string) (io.ReadCloser, error)
}

// ProcessScan works domain.ProcessScanJob.
type ProcessScan struct {
	river.WorkerDefaults[domain.ProcessScanJob]
	store   Store
	objects Objects
	logger  *slog.Logger
}

// Register adds the pipeline's workers to a River worker bundle.
func Register(workers *river.Workers, store Store, objects Objects, logger *slog.Logger) {
	river.AddWorker(workers, &ProcessScan{store: store, objects: objects, logger: logger})
}

// errPermanent marks a failure that retrying cannot fix: the page itself is unusable.
var errPermanent = errors.New("permanent")

// Work processes one scan. A page that cannot be used fails its own scan with the reason and is
// not retried; a dependency that is down makes the job retry later.
func (w *ProcessScan) Work(ctx context.Context, job *river.Job[domain.ProcessScanJob]) error {
	logger := w.logger.With(slog.Int64("scan_id", job.Args.ScanID), slog.Int64("job_id", job.ID))
	err := w.process(ctx, job.Args.ScanID)
	if errors.Is(err, errPermanent) {
		logger.Warn("scan failed", slog.Any("error", err))
		if serr := w.store.SetScanStatus(ctx, job.Args.ScanID, domain.ScanFailed, err.Error()); serr != nil {
			return serr
		}
		return river.JobCancel(err)
	}
	if err != nil {
		logger.Error("scan processing will be retried", slog.Any("error", err))
		return err
	}
	logger.Info("scan processed")
	return nil
}

func (w *ProcessScan) process(ctx context.Context, id int64) error {
	sc, err := w.store.Scan(ctx, id)
	if errors.Is(err, domain.ErrNotFound) {
		return fmt.Errorf("%w: %w", errPermanent, err)
	}
	if err != nil {
		return err
	}
	width, height, err := w.checkOriginal(ctx, sc)
	if err != nil {
		return err
	}
	return w.store.SetScanSize(ctx, sc.ID, width, height)
}

// checkOriginal reads the original back, checks that it is the content the scan row names, and
// measures its pixel size from the image header.
func (w *ProcessScan) checkOriginal(ctx context.Context, sc domain.Scan) (width, height int, err error) {
	rc, err := w.objects.Get(ctx, sc.ObjectKey)
	if err != nil {
		return 0, 0, err
	}
	defer rc.Close()
	h := sha256.New()
	cfg, _, cfgErr := image.DecodeConfig(io.TeeReader(rc, h))
	if _, err := io.Copy(h, rc); err != nil {
		return 0, 0, fmt.Errorf("read original %s: %w", sc.ObjectKey, err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != sc.SHA256 {
		return 0, 0, fmt.Errorf("%w: original %s hashes to %s, not %s", errPermanent, sc.ObjectKey, got, sc.SHA256)
	}
	if cfgErr != nil {
		return 0, 0, fmt.Errorf("%w: original is not a readable image: %w", errPermanent, cfgErr)
	}
	return cfg.Width, cfg.Height, nil
}
