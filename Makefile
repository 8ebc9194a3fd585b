# warroom — every entry point sets up what it needs first.
SWIFT ?= swift
DEMO_ARGS ?=

# The release binary carries the Swift runtime and Foundation inside it (--static-swift-stdlib):
# without ~20 shared libraries to load and bind at each start, `warroom --version` takes 10 ms of
# CPU instead of 25, and the console's first frame comes that much sooner.
RELEASE = -c release --static-swift-stdlib

PREFIX ?= /usr/local
DESTDIR ?=
# An already built warroom to install instead of building the release one (the install test uses the debug build).
WARROOM_BIN ?=

.PHONY: setup build release test format demo bench install uninstall clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build

# swift build's own progress is shown: the first release build takes ~5-7 min on 2 cores.
release: setup
	@echo "make: building the release warroom (the first build takes several minutes)"
	$(SWIFT) build $(RELEASE) --product warroom

# Every test: unit, integration (real SQLite, subprocesses, Prometheus) and tmux end-to-end.
test: setup
	bash scripts/test.sh

# Reformats every Swift file with swift-format (.swift-format: 4 spaces, 120 columns); `make test`
# runs scripts/check-format.sh, which fails on anything this would change or on a line over 120.
format:
	$(SWIFT) format format --in-place --recursive --parallel Package.swift Sources Tests Benchmarks

# Opens the bundled example runbook in the console on a throw-away store.
demo: release
	$$($(SWIFT) build $(RELEASE) --show-bin-path)/warroom demo $(DEMO_ARGS)

# Benchmarks print ratios against baselines measured in the same run; they are not tests.
# The console benchmarks drive the release warroom binary through a pty; the metrics ones sample a
# Prometheus that scripts/bench.sh starts on 127.0.0.1.
bench: setup
	$(SWIFT) build $(RELEASE) --product warroom
	$(SWIFT) build $(RELEASE) --product warroom-bench
	bash scripts/bench.sh

# The binary, man page, bash/zsh/fish completions and themes under $(DESTDIR)$(PREFIX).
install:
ifeq ($(strip $(WARROOM_BIN)),)
	@$(MAKE) --no-print-directory release
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" bash scripts/install.sh install "$$($(SWIFT) build $(RELEASE) --show-bin-path)/warroom"
else
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" bash scripts/install.sh install "$(WARROOM_BIN)"
endif

uninstall:
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" bash scripts/install.sh uninstall

clean:
	rm -rf .build
