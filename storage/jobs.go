package storage

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
)

// A job whose process died (killed, power cut) stays "running" in the queue until River's
// rescuer, which looks every 30 s, finds it older than RescueAfter and schedules it again: a page
// whose worker died is worked again within a minute and a half (75 to 105 s, and the first
// retry's few seconds). River refuses a RescueAfter shorter than JobTimeout, and a job is only
// rescued once its timeout is over, so a job still working is never handed to a second worker:
// after JobTimeout its context is cancelled and it is retried. One page takes a few seconds, but
// its reading may take up to OCR's page limit (60 s by default, ocr.EngineConfig.PageTimeout), so
// JobTimeout leaves 15 s above that limit for cleaning and storing: a slow page ends with the
// reader's own time-out (a failed page) instead of being cancelled and retried again and again.
const (
	JobTimeout  = 75 * time.Second
	RescueAfter = 75 * time.Second
)

// JobRunner works background jobs from the queue shared by every sohoa process on the database.
type JobRunner struct {
	client *river.Client[pgx.Tx]
}

// NewJobRunner builds a runner with n concurrent workers for the registered job kinds.
func (s *Store) NewJobRunner(workers *river.Workers, n int, logger *slog.Logger) (*JobRunner, error) {
	client, err := river.NewClient(riverpgxv5.New(s.pool), &river.Config{
		Queues:               map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: n}},
		Workers:              workers,
		Logger:               logger,
		JobTimeout:           JobTimeout,
		RescueStuckJobsAfter: RescueAfter,
		FetchPollInterval:    500 * time.Millisecond,
	})
	if err != nil {
		return nil, fmt.Errorf("job runner: %w", err)
	}
	return &JobRunner{client: client}, nil
}

// Start begins fetching and working jobs until Stop.
func (r *JobRunner) Start(ctx context.Context) error {
	if err := r.client.Start(ctx); err != nil {
		return fmt.Errorf("start job runner: %w", err)
	}
	return nil
}

// Stop fetches no new jobs and waits for running ones to finish; when ctx ends first, the
// running jobs are cancelled (and retried later by whichever process is up).
func (r *JobRunner) Stop(ctx context.Context) error {
	if err := r.client.Stop(ctx); err != nil {
		cctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err2 := r.client.StopAndCancel(cctx); err2 != nil {
			return fmt.Errorf("stop job runner: %w", err2)
		}
		return fmt.Errorf("stop job runner: jobs cancelled after the grace period: %w", err)
	}
	return nil
}
