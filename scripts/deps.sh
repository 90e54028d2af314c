#!/usr/bin/env bash
# Installs what sohoa needs on a Debian 12 machine and skips what is already there:
# Debian packages (Tesseract + Vietnamese data, PostgreSQL server binaries, Chromium for the UI
# tests, fonts) and the MinIO server, built once into the Go bin folder.
# Keep PACKAGES in step with the Dockerfile.
set -euo pipefail

PACKAGES=(
  ca-certificates curl gcc pkg-config
  tesseract-ocr tesseract-ocr-vie libtesseract-dev libleptonica-dev
  postgresql postgresql-client
  chromium
  fonts-freefont-ttf
  poppler-utils libtiff-tools
)
MINIO_VERSION=v0.0.0-20260212201848-7aac2a2c5b7c

sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}" >&2
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

gobin=$(go env GOBIN); gobin=${gobin:-$(go env GOPATH)/bin}
if ! command -v minio >/dev/null 2>&1 && [ ! -x "$gobin/minio" ]; then
  echo "deps: building the MinIO server (once per machine, about 4 minutes)" >&2
  GOFLAGS=-buildvcs=false go install "github.com/minio/minio@${MINIO_VERSION}"
fi
echo "deps: ok" >&2
