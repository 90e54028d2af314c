package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestOMPGuardReexecs builds sohoa and runs it without OMP_THREAD_LIMIT: the process that does
// the work must see the variable set to 1 (it is re-executed), and an operator's own value wins.
func TestOMPGuardReexecs(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "sohoa")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	env := slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, ompEnv+"=") })
	for _, tc := range []struct {
		name string
		env  []string
		want string
	}{
		{"unset", env, "1"},
		{"operator's value", append(slices.Clone(env), ompEnv+"=2"), "2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(bin, "omp-env")
			cmd.Env = tc.env
			out, err := cmd.Output()
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(string(out)); got != tc.want {
				t.Errorf("got OMP_THREAD_LIMIT=%q, want %q", got, tc.want)
			}
		})
	}
}
