#!/usr/bin/env bash
# The one test command: installs what the tests need (scripts/deps.sh), starts a private
# PostgreSQL and MinIO for this run, and runs every test with the race detector against them.
# Extra arguments go to `go test` (e.g. scripts/test.sh -run Readyz -v).
# --busy[=N] first runs N CPU hogs beside the suite (default 4 per core), to show it passes on a
# machine other work keeps busy (load average ~10 on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
hogs=0
case "${1:-}" in
--busy) hogs=$((4 * $(nproc))); shift ;;
--busy=*) hogs=${1#--busy=}; shift ;;
esac
bash scripts/deps.sh
export OMP_THREAD_LIMIT=1 # Tesseract's own threading is 3x slower here; it must be set before the process starts

go build -o bin/sohoa ./cmd/sohoa
dir=$(mktemp -d "${TMPDIR:-/tmp}/sohoa-test.XXXXXX")
chmod 755 "$dir" # the cluster runs as the postgres user when we are root
bin/sohoa services --dir "$dir/data" --env-file "$dir/env" >"$dir/services.log" 2>&1 &
svc=$!
hog_pids=()
cleanup() {
  [ ${#hog_pids[@]} -eq 0 ] || kill "${hog_pids[@]}" 2>/dev/null || true
  kill "$svc" 2>/dev/null || true; wait "$svc" 2>/dev/null || true; rm -rf "$dir"
}
trap cleanup EXIT
if [ "$hogs" -gt 0 ]; then
  echo "test: running $hogs CPU hogs beside the suite (--busy)" >&2
  for _ in $(seq 1 "$hogs"); do (while :; do :; done) & hog_pids+=($!); done
fi
for _ in $(seq 1 900); do
  [ -f "$dir/env" ] && break
  if ! kill -0 "$svc" 2>/dev/null; then cat "$dir/services.log" >&2; echo "test: services did not start" >&2; exit 1; fi
  sleep 0.1
done
[ -f "$dir/env" ] || { cat "$dir/services.log" >&2; echo "test: services not ready after 90 s" >&2; exit 1; }
# shellcheck disable=SC1091
. "$dir/env"

unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.sohoa/*'))
[ -z "$unformatted" ] || { echo "test: gofmt would change: $unformatted" >&2; exit 1; }
GOOS=windows CGO_ENABLED=0 go build -o /dev/null ./cmd/sohoa-station # stations are mostly Windows PCs
go vet ./...
go mod tidy -diff >/dev/null || { echo "test: go mod tidy would change go.mod / go.sum (run go mod tidy)" >&2; exit 1; }
GOARCH=arm64 go vet ./imaging # the portable versions of the SSE2 loops build elsewhere
go test -race -count=1 -timeout 45m "$@" ./...
go test -tags purego -count=1 "$@" ./imaging # and give the same pixels here
[ $# -gt 0 ] || bash scripts/fuzz.sh # each fuzz target a few seconds, unless arguments narrow the run
