#!/bin/sh
# The system prerequisites of flux-viz, decided from the exact files and
# commands that their consumers use (never from a glob another package can
# satisfy), installed with one apt-get update + install.
#
#   tools/deps.sh            install what is missing (as root), else print the command
#   tools/deps.sh --check    only report; exit 1 if anything is missing
#   tools/deps.sh --verify   report and prove each prerequisite works (runs it / loads it)
#
# Consumers:
#   cmake        unicorn-engine-sys builds Unicorn's C sources with it
#   libclang-dev bindgen (clang-sys) dlopens libclang.so or libclang-N.so and
#                needs clang's own headers (stddef.h) beside it
#   nasm         the nasm+ld leg of `flux-viz verify` and the four-way tests
#   mono-mcs     the C# oracle compiles with mcs
#   mono-runtime ... and runs with mono
#   tmux         the end-to-end UI test drives the real binary in tmux
#   gdb          the native build's debug information is checked against gdb
#   chromium     the exported walkthrough is loaded and rendered headless
set -u

mode=${1:-install}
LIB_DIRS="/usr/lib/x86_64-linux-gnu /usr/lib64 /usr/lib /usr/local/lib"

# The libclang that clang-sys would load: LIBCLANG_PATH first, then the
# unversioned development names that libclang-dev provides.  libclang-cpp.so
# (a different library, shipped with LLVM) must not count.
find_libclang() {
    for dir in ${LIBCLANG_PATH:-} /usr/lib/llvm-*/lib $LIB_DIRS; do
        [ -d "$dir" ] || continue
        for f in "$dir"/libclang.so "$dir"/libclang-[0-9]*.so; do
            [ -e "$f" ] && { echo "$f"; return 0; }
        done
    done
    return 1
}

# clang's builtin headers, which bindgen needs to parse unicorn.h.
find_clang_headers() {
    for f in /usr/lib/llvm-*/lib/clang/*/include/stddef.h /usr/lib/clang/*/include/stddef.h; do
        [ -e "$f" ] && { echo "$f"; return 0; }
    done
    return 1
}

# package:probe pairs; a probe is a command name or a shell function.
have() {
    case "$1" in
        libclang-dev) find_libclang >/dev/null && find_clang_headers >/dev/null ;;
        mono-mcs)     command -v mcs >/dev/null 2>&1 ;;
        mono-runtime) command -v mono >/dev/null 2>&1 ;;
        *)            command -v "$1" >/dev/null 2>&1 ;;
    esac
}

PACKAGES="cmake libclang-dev nasm mono-mcs mono-runtime tmux gdb chromium"

missing=""
for p in $PACKAGES; do
    have "$p" || missing="$missing $p"
done

verify() {
    status=0
    prove() { # name, command...
        name=$1; shift
        if out=$("$@" 2>&1); then
            printf '  ok   %-13s %s\n' "$name" "$(echo "$out" | head -1)"
        else
            printf '  FAIL %-13s %s\n' "$name" "$(echo "$out" | head -1)"; status=1
        fi
    }
    echo "deps: verifying prerequisites"
    prove cmake cmake --version
    lib=$(find_libclang) || lib=""
    if [ -n "$lib" ]; then
        prove libclang python3 -c "import ctypes,sys; ctypes.CDLL(sys.argv[1]); print('loads', sys.argv[1])" "$lib"
    else
        printf '  FAIL %-13s %s\n' libclang "no libclang.so / libclang-N.so"; status=1
    fi
    hdr=$(find_clang_headers) || hdr=""
    if [ -n "$hdr" ]; then prove clang-headers ls "$hdr"; else printf '  FAIL %-13s %s\n' clang-headers "no stddef.h"; status=1; fi
    prove nasm nasm -v
    prove mcs mcs --version
    prove mono mono --version
    prove tmux tmux -V
    prove gdb gdb --version
    # Headless, it must load a page and give back its DOM (its wrapper
    # script's noise on stderr aside).
    prove chromium sh -c 'chromium --headless --no-sandbox --disable-gpu --dump-dom "data:text/html,<p>renders</p>" 2>/dev/null | grep -o "<p>renders</p>"'
    return $status
}

if [ -z "$missing" ]; then
    echo "deps: all prerequisites present"
    [ "$mode" = --verify ] && { verify; exit $?; }
    exit 0
fi

echo "deps: missing:$missing"
if [ "$mode" = --check ]; then exit 1; fi
if [ "$mode" = --verify ]; then verify; exit 1; fi

if [ "$(id -u)" != 0 ]; then
    echo "deps: run this as root, then run make again:"
    echo "  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y$missing"
    exit 1
fi

if ! apt-get update -qq; then
    echo "deps: apt-get update failed; check the network and /etc/apt/sources.list" >&2
    exit 1
fi
log=$(mktemp)
echo "deps: apt-get install$missing (log: $log)"
# shellcheck disable=SC2086
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >"$log" 2>&1; then
    tail -20 "$log" >&2
    echo "deps: apt-get install failed for:$missing (full log: $log)" >&2
    exit 1
fi

# Name the package that still does not provide what it should.
still=""
for p in $missing; do have "$p" || still="$still $p"; done
if [ -n "$still" ]; then
    echo "deps: installed, but still missing:$still (the package did not provide what flux-viz needs)" >&2
    exit 1
fi
echo "deps: installed$missing"
