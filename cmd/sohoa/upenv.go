package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/sohoa/sohoa/config"
)

// upEnvFile is where `sohoa up` writes the settings of the services it uses, so that the other
// commands (token, user) given the same --data-dir reach the same database and store.
func upEnvFile(dataDir string) string { return filepath.Join(dataDir, "env") }

// writeUpEnv writes cfg's database and object-store settings as shell lines (readable only by
// the owner: they hold passwords). `. .sohoa/env` sets them in a shell too.
func writeUpEnv(cfg *config.Config) error {
	var b strings.Builder
	b.WriteString("# Written by `sohoa up` at each start: the settings of the PostgreSQL and MinIO it uses.\n")
	b.WriteString("# `sohoa token create` and `sohoa user add` read this file (same --data-dir); a shell can `. " +
		upEnvFile(cfg.DataDir) + "`.\n")
	for _, kv := range [][2]string{{"SOHOA_DATABASE_URL", cfg.DatabaseURL}, {"SOHOA_MIGRATE_DATABASE_URL", cfg.MigrateDatabaseURL},
		{"SOHOA_S3_ENDPOINT", cfg.S3.Endpoint},
		{"SOHOA_S3_ACCESS_KEY", cfg.S3.AccessKey}, {"SOHOA_S3_SECRET_KEY", cfg.S3.SecretKey}, {"SOHOA_S3_BUCKET", cfg.S3.Bucket}} {
		fmt.Fprintf(&b, "export %s='%s'\n", kv[0], strings.ReplaceAll(kv[1], "'", `'\''`))
	}
	if err := os.MkdirAll(cfg.DataDir, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", upEnvFile(cfg.DataDir), err)
	}
	if err := os.WriteFile(upEnvFile(cfg.DataDir), []byte(b.String()), 0o600); err != nil {
		return fmt.Errorf("write %s: %w", upEnvFile(cfg.DataDir), err)
	}
	return nil
}

// useUpEnv fills the database settings cfg lacks from the file `sohoa up` wrote under
// --data-dir. Settings given in the environment or as flags win. Without the file, nothing
// changes and the command's own check names the missing setting, with this hint.
func useUpEnv(cfg *config.Config) error {
	if cfg.DatabaseURL != "" {
		return nil
	}
	f, err := os.Open(upEnvFile(cfg.DataDir))
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("SOHOA_DATABASE_URL (--database-url) is not set and %s does not exist: start `sohoa up` with the same --data-dir first, or set SOHOA_DATABASE_URL",
			upEnvFile(cfg.DataDir))
	}
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "export ")
		k, v, found := strings.Cut(line, "=")
		if !ok || !found {
			continue
		}
		v = strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(v, "'"), "'"), `'\''`, "'")
		switch k {
		case "SOHOA_DATABASE_URL":
			cfg.DatabaseURL = v
		case "SOHOA_MIGRATE_DATABASE_URL": // the schema's owner: the app's role cannot migrate
			cfg.MigrateDatabaseURL = cmpOr(cfg.MigrateDatabaseURL, v)
		case "SOHOA_S3_ENDPOINT":
			cfg.S3.Endpoint = cmpOr(cfg.S3.Endpoint, v)
		case "SOHOA_S3_ACCESS_KEY":
			cfg.S3.AccessKey = cmpOr(cfg.S3.AccessKey, v)
		case "SOHOA_S3_SECRET_KEY":
			cfg.S3.SecretKey = cmpOr(cfg.S3.SecretKey, v)
		}
	}
	return sc.Err()
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
