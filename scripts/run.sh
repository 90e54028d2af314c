#!/usr/bin/env bash
# The one run command: installs what is missing (scripts/deps.sh), builds sohoa and runs
# `sohoa up`: its own PostgreSQL and MinIO under .sohoa/ unless SOHOA_DATABASE_URL /
# SOHOA_S3_ENDPOINT are set, migrated, with demo data. Ctrl-C stops everything.
# Extra arguments go to `sohoa up` (e.g. scripts/run.sh --listen 127.0.0.1:9090).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
go build -o bin/sohoa ./cmd/sohoa
export OMP_THREAD_LIMIT=1
exec bin/sohoa up "$@"
