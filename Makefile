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
# The console benchmarks drive the release warroom binary through a pty; the metrics ones sample a
# Prometheus that scripts/bench.sh starts on 127.0.0.1.
bench: setup
	$(SWIFT) build -c release --product warroom
	$(SWIFT) build -c release --product warroom-bench
	bash scripts/bench.sh

clean:
	rm -rf .build
