# sohoa: one image for `sohoa serve` and `sohoa worker`.
# The apt package lists match scripts/deps.sh (a test checks that every package here is there too).
# Docker cannot run on the machine this was written on: this file is written carefully, not built there.

FROM golang:1.26-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc pkg-config libtesseract-dev libleptonica-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=1 go build -trimpath -o /out/sohoa ./cmd/sohoa

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates tesseract-ocr tesseract-ocr-vie poppler-utils libtiff-tools \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin sohoa
COPY --from=build /out/sohoa /usr/local/bin/sohoa
USER sohoa
# Tesseract's OpenMP threading must be off before the process starts (3x slower otherwise).
ENV OMP_THREAD_LIMIT=1 \
    SOHOA_LISTEN=0.0.0.0:8080 \
    SOHOA_LOG_FORMAT=json
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/sohoa"]
CMD ["serve"]
