#!/usr/bin/env bash
# Start-up of the packaged launcher with and without class-data sharing, measured in the same run
# (rounds alternate, so all three see the same machine load): `analyze --json` of a small trace
# with the application archive (braid.jsa), with the runtime's own archive only (braid.jsa moved
# aside for the round), and with no sharing at all (-Xshare:off). Prints the best and the median
# wall time of each. Run after installer/build.sh --type app-image.
#
#   installer/startup-bench.sh [ROUNDS] [TRACE]   default: 10 rounds, sample-traces/two-subflows.pcap
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
project="$(dirname "$here")"
build="${BRAID_BUILD_DIR:-$project/target}"
image="$build/installer/image/Braid"
rounds="${1:-10}"
trace="${2:-$project/sample-traces/two-subflows.pcap}"
archive="$image/lib/app/braid.jsa"
[ -s "$archive" ] || { echo "no $archive: run installer/build.sh --type app-image first" >&2; exit 1; }
trap '[ -f "$archive.aside" ] && mv "$archive.aside" "$archive"' EXIT

millis() {
  local start end
  start=$(date +%s%N)
  env -i PATH=/usr/bin:/bin "$@" "$image/bin/Braid" analyze --json "$trace" >/dev/null 2>&1 || [ $? -eq 1 ]
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

app=() base=() none=()
for _ in $(seq "$rounds"); do
  app+=("$(millis)")
  mv "$archive" "$archive.aside"
  base+=("$(millis)")
  mv "$archive.aside" "$archive"
  none+=("$(millis JAVA_TOOL_OPTIONS=-Xshare:off)")
done

summary() {
  local name="$1"; shift
  printf '%s\n' "$@" | sort -n | awk -v name="$name" '{t[NR] = $1} END {
    printf "  %-44s best %5d ms, median %5d ms\n", name ":", t[1], t[int((NR + 1) / 2)] }'
}
echo "start-up, analyze --json $(basename "$trace"), $rounds rounds:"
summary "application archive (braid.jsa)" "${app[@]}"
summary "runtime's archive only" "${base[@]}"
summary "no class-data sharing (-Xshare:off)" "${none[@]}"
