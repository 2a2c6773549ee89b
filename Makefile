# flux-viz — the two commands a new machine needs are `make run` and `make test`.
#
#   make run    install prerequisites, build (release), open the first lesson
#   make test   install prerequisites, build, run the whole test suite
#   make deps   only the prerequisites (apt-get as root; otherwise prints the command)
#   make lint   cargo fmt --check and clippy with warnings as errors
#   make fresh-machine   strip the packages deps installs, run deps, verify (root)

CARGO ?= cargo
LESSON ?= lessons/01-calls.fs
FUZZ_SECONDS ?= 1800

.PHONY: all deps run test lint build release bench fuzz clean fresh-machine

all: build

# What is missing is decided from the exact files and commands the consumers
# use (tools/deps.sh explains each); installs with apt-get as root, otherwise
# prints the command to run.
deps:
	@sh tools/deps.sh

# Strip every package `deps` installs, run `deps`, verify (root only; destructive).
fresh-machine:
	@sh tools/fresh-machine.sh

build: deps
	$(CARGO) build

release: deps
	$(CARGO) build --release

run: release
	./target/release/flux-viz $(LESSON)

# The suite needs the release binary too (the tmux end-to-end test drives it).
test: release
	$(CARGO) test --release --no-fail-fast

lint: deps
	$(CARGO) fmt --check
	$(CARGO) clippy --all-targets -- -D warnings

bench: release
	$(CARGO) bench

fuzz: release
	$(CARGO) run --release --example fuzz_check -- --seconds $(FUZZ_SECONDS)

clean:
	$(CARGO) clean
