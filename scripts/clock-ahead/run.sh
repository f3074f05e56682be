#!/usr/bin/env bash
# Run a command with the wall clock moved DAYS ahead: scripts/clock-ahead/run.sh DAYS CMD...
#
# libfaketime (Debian's faketime) shifts the time every process of the command sees: this
# one, its threads, and the programs it starts (LibreOffice, OpenSSL's certificate checks,
# the CLI). The monotonic clock is left alone, so timeouts still measure real seconds.
# The PostgreSQL server, started outside, keeps the real time.
set -euo pipefail
[ $# -ge 2 ] || { echo "folosire: $0 ZILE COMANDĂ..." >&2; exit 2; }
days="$1"; shift
here="$(cd "$(dirname "$0")" && pwd)"
faketime_lib="$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -n 1)"
[ -n "$faketime_lib" ] || { echo "libfaketime lipsește (apt-get install faketime)" >&2; exit 1; }
build="${CLOCK_AHEAD_BUILD:-$here/../../.venv/lib}"
mkdir -p "$build"
shim="$build/monotonic-sleep.so"
if [ ! -e "$shim" ] || [ "$here/monotonic_sleep.c" -nt "$shim" ]; then
  gcc -shared -fPIC -O2 -o "$shim" "$here/monotonic_sleep.c" -ldl
fi
export LD_PRELOAD="$shim $faketime_lib" FAKETIME="+${days}d" FAKETIME_DONT_FAKE_MONOTONIC=1
echo "Ceasul este mutat cu $days de zile înainte: $(date '+%d.%m.%Y %H:%M')"
exec "$@"
