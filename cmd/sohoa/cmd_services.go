package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/sohoa/sohoa/config"
)

// runServices starts a private PostgreSQL and MinIO for the tests, writes their settings as
// shell variable assignments to --env-file, and keeps them up until interrupted.
func runServices(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("services", "services --dir DIR --env-file FILE", stderr)
	dir := fs.String("dir", ".sohoa/test", "folder for the services' data (a throwaway cluster: fsync is off)")
	envFile := fs.String("env-file", "", "file to write SOHOA_TEST_* settings to once the services are ready")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *envFile == "" {
		return fmt.Errorf("--env-file is required")
	}
	cfg := &config.Config{}
	logger := (&config.Config{LogFormat: "text", LogLevel: "info"}).Logger(stderr)
	stop, err := localServices(ctx, cfg, *dir, true, logger)
	if err != nil {
		return err
	}
	defer stop()
	// The tests create databases, so they get the cluster's owner, not the application's role.
	adminURL := strings.Replace(cmp.Or(cfg.MigrateDatabaseURL, cfg.DatabaseURL), "/sohoa?", "/postgres?", 1)
	env := fmt.Sprintf("export SOHOA_TEST_DATABASE_URL='%s'\nexport SOHOA_TEST_S3_ENDPOINT='%s'\nexport SOHOA_TEST_S3_ACCESS_KEY='%s'\nexport SOHOA_TEST_S3_SECRET_KEY='%s'\n",
		adminURL, cfg.S3.Endpoint, cfg.S3.AccessKey, cfg.S3.SecretKey)
	tmp := *envFile + ".tmp"
	if err := os.MkdirAll(filepath.Dir(*envFile), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(tmp, []byte(env), 0o600); err != nil {
		return err
	}
	if err := os.Rename(tmp, *envFile); err != nil { // appears whole, once everything is ready
		return err
	}
	fmt.Fprintln(stdout, "services ready; settings in", *envFile)
	<-ctx.Done()
	return nil
}
