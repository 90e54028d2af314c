#!/usr/bin/env bash
# Runs every fuzz target (func FuzzXxx in a _test.go file) for FUZZTIME each (default 4s),
# beyond its seed corpus (testdata/fuzz/FuzzXxx and the f.Add seeds, which plain `go test`
# already runs). scripts/test.sh calls it. Each package's instrumented test binary is built once
# and runs its targets in turn; what the fuzzer learns is kept where `go test -fuzz` keeps it
# (the Go build cache), so later runs start from there. A failing input is written to the
# package's testdata/fuzz/FuzzXxx/: commit it with the fix.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cache=$(go env GOCACHE)/fuzz
all=$(date +%s)
for dir in $(grep -rl --include='*_test.go' '^func Fuzz' . | grep -v '^\./\.sohoa/' | xargs -n1 dirname | sort -u); do
  pkg=$(go list "$dir")
  bin=$work/$(basename "$dir").test
  go test -c -fuzz=. -o "$bin" "$dir"
  for target in $(grep -h '^func Fuzz' "$dir"/*_test.go | sed 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/'); do
    start=$(date +%s)
    if ! (cd "$dir" && "$bin" -test.run '^$' -test.fuzz "^$target\$" -test.fuzztime "${FUZZTIME:-4s}" \
      -test.fuzzcachedir "$cache/$pkg" >"$work/log" 2>&1); then
      cat "$work/log" >&2
      echo "fuzz: $target ($pkg) failed; again: go test -run '^\$' -fuzz '^$target\$' $dir" >&2
      exit 1
    fi
    echo "fuzz: $target ($pkg) $(($(date +%s) - start)) s"
  done
done
echo "fuzz: every target in $(($(date +%s) - all)) s"
