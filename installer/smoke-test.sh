#!/usr/bin/env bash
# Smoke-tests a packaged Braid against the Maven build it was made from: the packaged launcher
# must print the same version and the same analyze --json output, byte for byte, as
# `java -XX:TieredStopAtLevel=1 -jar target/braid.jar`, must start long work again in a child JVM,
# and reading a trace must not load libpcap (only live capture needs it). Exits non-zero on any
# difference.
#
#   installer/smoke-test.sh [LAUNCHER]   default: target/installer/image/Braid/bin/Braid
#                                        (give /usr/bin/braid to test an installed .deb)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
project="$(dirname "$here")"
build="${BRAID_BUILD_DIR:-$project/target}"
launcher="${1:-$build/installer/image/Braid/bin/Braid}"
traces=(two-subflows.pcap two-subflows.pcapng fastclose.pcap.gz)
cd "$project"

[ -x "$launcher" ] || { echo "smoke test: no launcher at $launcher" >&2; exit 1; }
[ -f "$build/braid.jar" ] || { echo "smoke test: no $build/braid.jar to compare with" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

# Runs one command of the packaged launcher (with a bare environment, so that no JAVA_HOME or
# class path of this machine can help it) and of the build, and compares exit codes and stdout.
compare() {
  local name="$1"; shift
  local packaged=0 built=0
  env -i PATH=/usr/bin:/bin HOME="$work" "$launcher" "$@" >"$work/$name.packaged" 2>"$work/$name.packaged.err" \
    || packaged=$?
  # Started as the README's command-line command and the launcher start it: quick (QuickStart).
  java -XX:TieredStopAtLevel=1 -jar "$build/braid.jar" "$@" >"$work/$name.built" 2>"$work/$name.built.err" || built=$?
  if [ "$packaged" != "$built" ]; then
    echo "FAIL $name: exit code $packaged packaged, $built built"; cat "$work/$name.packaged.err"
    failures=$((failures + 1))
  elif ! cmp -s "$work/$name.packaged" "$work/$name.built"; then
    echo "FAIL $name: output differs"; { diff "$work/$name.built" "$work/$name.packaged" || true; } | head -20
    failures=$((failures + 1))
  elif [ ! -s "$work/$name.packaged" ]; then
    echo "FAIL $name: no output"; cat "$work/$name.packaged.err"
    failures=$((failures + 1))
  else
    echo "ok   $name: exit $packaged, $(wc -c <"$work/$name.packaged") identical bytes"
  fi
}

compare version --version
for trace in "${traces[@]}"; do
  compare "analyze-$trace" analyze --json "sample-traces/$trace"
done

# Long work starts again in a child JVM of the packaged runtime (every command is long at 0 bytes).
if env -i PATH=/usr/bin:/bin HOME="$work" JAVA_TOOL_OPTIONS=-Dbraid.longWorkBytes=0 "$launcher" --version 2>/dev/null \
    | grep -q 'started again for long work'; then
  echo "ok   relaunch: long work runs in a child JVM with both compilers"
else
  echo "FAIL relaunch: the packaged launcher did not start long work again"
  failures=$((failures + 1))
fi

# The window opens from the packaged launcher, when there is an X server to try it on (.ci/run
# installs Xvfb): after 10 s it is still up and has not said it failed. Stopping the launcher stops
# the child JVM that shows the window.
if command -v Xvfb >/dev/null; then
  display=":$((90 + RANDOM % 9))"
  Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  env -i PATH=/usr/bin:/bin HOME="$work" DISPLAY="$display" "$launcher" "sample-traces/${traces[0]}" \
    >"$work/window.log" 2>&1 &
  app=$!
  sleep 10
  if kill -0 "$app" 2>/dev/null && ! grep -q 'cannot open the window' "$work/window.log"; then
    echo "ok   window: opens from the packaged launcher"
  else
    echo "FAIL window: the packaged launcher did not keep a window open"; head -20 "$work/window.log"
    failures=$((failures + 1))
  fi
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  sleep 1
  if pgrep -f "startedAgain=true.*sample-traces/${traces[0]}" >/dev/null; then
    echo "FAIL window: its child JVM outlived the launcher"
    failures=$((failures + 1))
    pkill -f "startedAgain=true.*sample-traces/${traces[0]}" || true
  fi
  kill "$xvfb" 2>/dev/null || true
fi

# The dynamic loader lists every library it opens; reading a trace must not open libpcap.
LD_DEBUG=files LD_DEBUG_OUTPUT="$work/ld" "$launcher" analyze --json "sample-traces/${traces[0]}" >/dev/null
if grep -qh 'libpcap' "$work"/ld.*; then
  echo "FAIL libpcap: analyzing a file loaded libpcap"
  failures=$((failures + 1))
else
  echo "ok   libpcap: analyzing a file does not load it"
fi

if [ "$failures" -gt 0 ]; then
  echo "smoke test: $failures failure(s) for $launcher"
  exit 1
fi
echo "smoke test: $launcher matches the build"
