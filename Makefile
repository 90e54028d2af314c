.DEFAULT_GOAL := help
export OMP_THREAD_LIMIT := 1

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-8s %s\n", $$1, $$2}'

run: ## install what is missing and run sohoa locally with demo data (scripts/run.sh)
	bash scripts/run.sh

test: ## install what is missing, start PostgreSQL + MinIO and run every test (scripts/test.sh)
	bash scripts/test.sh

deps: ## install Tesseract, PostgreSQL, Chromium, fonts and the MinIO server when missing
	bash scripts/deps.sh

build: ## build bin/sohoa
	go build -o bin/sohoa ./cmd/sohoa

lint: ## gofmt and go vet
	test -z "$$(gofmt -l .)" && go vet ./...

.PHONY: help run test deps build lint
