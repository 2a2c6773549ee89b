#!/bin/sh
# Prove that `make deps` sets up a fresh machine of this project's kind.
#
# Strips every system package flux-viz's Makefile installs (and the packages
# they pulled in: the libclang1-N / libclang-N-dev / libclang-common-N-dev
# family, mono's libraries, cmake-data), then runs `make deps` and verifies
# that every prerequisite of the build and the tests is there and works.
# libclang-cpp (which the machine ships and which bindgen cannot use) is
# deliberately left in place: it is the trap that once fooled `make deps`.
#
# Run as root from the repository:  tools/fresh-machine.sh
set -eu
cd "$(dirname "$0")/.."

if [ "$(id -u)" != 0 ]; then
    echo "fresh-machine: must run as root (it removes and installs system packages)" >&2
    exit 1
fi

installed=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' 2>/dev/null |
    awk '$2 ~ /^.i/ {print $1}' |
    grep -E '^(cmake|cmake-data|nasm|tmux|gdb|chromium|chromium-common|chromium-sandbox|mono-.*|libmono-.*|libclang-dev|libclang1-[0-9]+|libclang-[0-9]+-dev|libclang-common-[0-9]+-dev)$' || true)

if [ -n "$installed" ]; then
    echo "fresh-machine: removing:" $installed
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq $installed >/dev/null
fi

echo "fresh-machine: after stripping:"
sh tools/deps.sh --check || true

echo "fresh-machine: make deps"
make deps

echo "fresh-machine: verify"
sh tools/deps.sh --verify
echo "fresh-machine: OK, every prerequisite is installed and works"
