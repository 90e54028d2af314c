#!/usr/bin/env bash
# The fault-injection suite (package internal/faults, build tag "faults"): the real `sohoa serve`
# and two `sohoa worker` processes on a private PostgreSQL and MinIO, stations uploading synthetic
# pages and clerks confirming entries, while servers and workers are SIGKILLed (at least 20
# times), MinIO is stopped for 30 s, PostgreSQL restarted and the upload spool's disk filled.
# Then it checks nothing accepted was lost or duplicated and prints
# `pages=…, kills=…, outages=…, lost=0, duplicated=0`; it exits non-zero otherwise.
# Needs root (it mounts a 16 MB tmpfs as the server's upload spool). 10-11 minutes on 2 cores at load ~33.
# Extra arguments go to the suite (e.g. scripts/test-faults.sh -pages 60 -seed 42; see -h).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
export OMP_THREAD_LIMIT=1 # Tesseract's own threading is 3x slower here; it must be set before the process starts
go build -o bin/sohoa ./cmd/sohoa
cd internal/faults
exec go test -tags faults -count=1 -timeout 15m -run '^TestFaults$' -v . -args -bin ../../bin/sohoa "$@"
