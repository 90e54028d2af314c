package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/storage"
)

// runMirror copies every object of the configured bucket (SOHOA_S3_*) that the --to bucket
// lacks: a backup of the originals and derived images, brought up to date by running it again,
// and a restore when run from the backup to an empty bucket. It never removes anything.
func runMirror(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("mirror", "mirror --to-endpoint HOST:PORT --to-access-key K --to-secret-key S --to-bucket B", stderr)
	to := config.S3{}
	fs.StringVar(&to.Endpoint, "to-endpoint", "", "the destination S3 endpoint, host:port or https://host")
	fs.StringVar(&to.AccessKey, "to-access-key", "", "the destination's access key")
	fs.StringVar(&to.SecretKey, "to-secret-key", os.Getenv("SOHOA_MIRROR_SECRET_KEY"), "the destination's secret key (default $SOHOA_MIRROR_SECRET_KEY)")
	fs.StringVar(&to.Bucket, "to-bucket", "", "the destination bucket (created when missing)")
	fs.StringVar(&to.Region, "to-region", config.DefaultRegion, "the destination's region")
	cfg, err := config.Load(fs, os.Getenv)
	if err != nil {
		return err
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := cfg.ValidateS3(); err != nil {
		return err
	}
	if to.Endpoint == "" || to.Bucket == "" || to.AccessKey == "" || to.SecretKey == "" {
		return errors.New("mirror: give --to-endpoint, --to-access-key, --to-secret-key (or SOHOA_MIRROR_SECRET_KEY) and --to-bucket")
	}
	src, err := storage.OpenObjects(cfg.S3)
	if err != nil {
		return err
	}
	dst, err := storage.OpenObjects(to)
	if err != nil {
		return err
	}
	st, err := src.MirrorTo(ctx, dst)
	if err != nil {
		return fmt.Errorf("mirror %s/%s to %s/%s: %w", cfg.S3.Endpoint, cfg.S3.Bucket, to.Endpoint, to.Bucket, err)
	}
	fmt.Fprintf(stdout, "%d objects, %d copied (%d bytes)\n", st.Objects, st.Copied, st.Bytes)
	return nil
}
