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
		JobTimeout:           10 * time.Minute,
		RescueStuckJobsAfter: 15 * time.Minute,
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
