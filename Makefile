# flux-viz — the two commands a new machine needs are `make run` and `make test`.
#
#   make run    install prerequisites, build (release), open the first lesson
#   make test   install prerequisites, build, run the whole test suite
#   make deps   only the prerequisites (apt-get as root; otherwise prints the command)
#   make lint   cargo fmt --check and clippy with warnings as errors

CARGO ?= cargo
LESSON ?= lessons/01-calls.fs

# Debian packages and a file or command that proves each one is there.
APT_PACKAGES = cmake libclang-dev nasm mono-mcs mono-runtime tmux

.PHONY: all deps run test lint build release bench fuzz clean

all: build

deps:
	@missing=""; \
	command -v cmake >/dev/null 2>&1 || missing="$$missing cmake"; \
	ls /usr/lib/llvm-*/lib/libclang*.so* >/dev/null 2>&1 || ls /usr/lib/x86_64-linux-gnu/libclang*.so* >/dev/null 2>&1 || missing="$$missing libclang-dev"; \
	command -v nasm >/dev/null 2>&1 || missing="$$missing nasm"; \
	command -v mcs >/dev/null 2>&1 || missing="$$missing mono-mcs"; \
	command -v mono >/dev/null 2>&1 || missing="$$missing mono-runtime"; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	if [ -z "$$missing" ]; then echo "deps: all prerequisites present"; exit 0; fi; \
	echo "deps: missing:$$missing"; \
	if [ "$$(id -u)" != 0 ]; then \
	  echo "deps: run this as root, then run make again:"; \
	  echo "  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y$$missing"; \
	  exit 1; \
	fi; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing

build: deps
	$(CARGO) build

release: deps
	$(CARGO) build --release

run: release
	./target/release/flux-viz $(LESSON)

# The suite needs the release binary too (the tmux end-to-end test drives it).
test: release
	$(CARGO) test --release --no-fail-fast

lint:
	$(CARGO) fmt --check
	$(CARGO) clippy --all-targets -- -D warnings

bench: release
	$(CARGO) bench

fuzz: release
	$(CARGO) run --release --example fuzz_check -- --seconds 600

clean:
	$(CARGO) clean
