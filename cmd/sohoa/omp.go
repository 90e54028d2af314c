package main

import (
	"fmt"
	"os"
	"syscall"
)

// ompEnv is the variable that stops libgomp from starting a thread team inside Tesseract, which
// makes it about 3× slower on our 2-core machines. libgomp reads it when the shared library is
// loaded, before main runs, so setting it from Go is too late (see /work/shared/NOTES.md).
const ompEnv = "OMP_THREAD_LIMIT"

// ensureOMPLimit re-executes the binary with OMP_THREAD_LIMIT=1 when the variable is missing from
// the environment. It returns only when no re-exec was needed or it failed.
func ensureOMPLimit() error {
	if _, ok := os.LookupEnv(ompEnv); ok {
		return nil
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find own executable: %w", err)
	}
	env := append(os.Environ(), ompEnv+"=1")
	if err := syscall.Exec(exe, os.Args, env); err != nil {
		return fmt.Errorf("re-exec with %s=1: %w", ompEnv, err)
	}
	return nil
}

// ompGuard runs ensureOMPLimit and serves the hidden command `sohoa omp-env`, which prints
// OMP_THREAD_LIMIT as the (possibly re-executed) process sees it, so a test can check the guard.
func ompGuard() {
	if err := ensureOMPLimit(); err != nil {
		fmt.Fprintln(os.Stderr, "sohoa: warning:", err)
	}
	if len(os.Args) == 2 && os.Args[1] == "omp-env" {
		fmt.Println(os.Getenv(ompEnv))
		os.Exit(0)
	}
}
