# warroom — every entry point sets up what it needs first.
SWIFT ?= swift
DEMO_ARGS ?=

.PHONY: setup build test demo bench clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build

# Every test: unit, integration (real SQLite, subprocesses, Prometheus) and tmux end-to-end.
test: setup
	bash scripts/test.sh

# Opens the bundled example runbook in the console on a throw-away store.
demo: setup
	$(SWIFT) build -c release --product warroom
	$$($(SWIFT) build -c release --show-bin-path)/warroom demo $(DEMO_ARGS)

# Benchmarks print ratios against baselines measured in the same run; they are not tests.
bench: setup
	$(SWIFT) build -c release --product warroom-bench
	$$($(SWIFT) build -c release --show-bin-path)/warroom-bench

clean:
	rm -rf .build
