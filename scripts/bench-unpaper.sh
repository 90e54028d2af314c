#!/usr/bin/env bash
# Compares sohoa's page cleanup with unpaper (Debian's package) on one core, on the page
# BenchmarkCleanLedger uses: page 1 of `sohoa synth --seed 7 --severity medium` (2480×3508,
# 300 dpi). Installs unpaper and hyperfine if missing. Prints:
#   - BenchmarkCleanLedger: imaging.Clean alone, in process (ms/op, B/op);
#   - hyperfine: whole commands, file in to file out, so decoding and encoding count for both:
#     unpaper with no processing (its I/O), unpaper's default filters, and `sohoa clean`
#     writing the clean and the binarised page.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
for p in unpaper hyperfine; do command -v "$p" >/dev/null || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

go build -o bin/sohoa ./cmd/sohoa
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
bin/sohoa synth --out "$dir" --pages 1 --seed 7 --severity medium >/dev/null
in=$dir/page-0001.png

echo "unpaper $(unpaper --version), $(nproc) cores, pinned to core 0" >&2
GOMAXPROCS=1 taskset -c 0 go test -run '^$' -bench 'BenchmarkCleanLedger$' -cpu 1 -benchmem -benchtime 10x ./imaging/
export GOMAXPROCS=1
hyperfine --warmup 1 --runs 5 -N \
  -n "unpaper, no processing" "taskset -c 0 unpaper --overwrite -q -n $in $dir/none.pgm" \
  -n "unpaper, default filters" "taskset -c 0 unpaper --overwrite -q $in $dir/unpaper.pgm" \
  -n "sohoa clean" "taskset -c 0 bin/sohoa clean $in $dir/clean.png --binary $dir/binary.png"
