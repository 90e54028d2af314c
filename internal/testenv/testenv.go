// Package testenv is what tests share about their environment. A test whose service or tool
// (PostgreSQL, MinIO, Tesseract, Chromium, poppler) is missing is skipped on a developer's
// machine and fails in CI (CI=true), where everything must be installed: a test that silently
// skips there cannot fail.
package testenv

import (
	"os"
	"testing"
)

// CI reports whether the tests run in CI (CI=true).
func CI() bool { return os.Getenv("CI") == "true" }

// Missing stops a test whose service or tool is missing: failed in CI, skipped elsewhere.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if CI() {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}
