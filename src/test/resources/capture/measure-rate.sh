#!/usr/bin/env bash
# Measures the packet rate Braid's live capture sustains without kernel drops, next to tcpdump's,
# both capturing the same bulk MPTCP transfer (two subflows) on the client's side in the same run.
# Run as root from the project folder after `mvn -q -DskipTests package`:
#   src/test/resources/capture/measure-rate.sh [RATE...]     e.g. 200mbit 1gbit unlimited (the default list)
# Each RATE shapes both paths with tbf (so the total is twice RATE); "unlimited" leaves veth at full speed.
# Env: SECONDS_PER_RUN (3), BUFFER_KIB (32768, for both), BRAID_OPTS (extra capture options, e.g. "-w /tmp/m.pcapng").
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NETNS="bash $HERE/netns.sh"
PEER="python3 sample-traces/mptcp_peer.py"
JAR=target/braid.jar
SECONDS_PER_RUN=${SECONDS_PER_RUN:-3}
BUFFER_KIB=${BUFFER_KIB:-32768}
P=$(printf "bcap-%06x0" $$)  # netns.sh's naming: this script's pid, so other runs' cleanups spare it
[[ -f $JAR ]] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
trap '$NETNS down $P 2>/dev/null || true' EXIT

bits_per_second() {  # 200mbit -> 200000000
    local r=$1
    case $r in
        *gbit) echo $(( ${r%gbit} * 1000000000 )) ;;
        *mbit) echo $(( ${r%mbit} * 1000000 )) ;;
        *) echo 0 ;;
    esac
}

run() {
    local rate=$1 bytes
    if [[ $rate == unlimited ]]; then
        $NETNS up "$P"
        bytes=$(( 600 * 1000 * 1000 ))
    else
        $NETNS up "$P" "$rate"
        bytes=$(( $(bits_per_second "$rate") * 2 / 8 * SECONDS_PER_RUN ))
    fi
    local dir
    dir=$(mktemp -d)
    ip netns exec "$P-s" $PEER server --bind 0.0.0.0 --port 5201 >/dev/null &
    local server=$!
    # shellcheck disable=SC2086
    ip netns exec "$P-c" java -jar "$JAR" capture -i any -f "tcp port 5201" -B "$BUFFER_KIB" ${BRAID_OPTS:-} \
        >"$dir/braid.out" 2>"$dir/braid.err" &
    local braid=$!
    ip netns exec "$P-c" tcpdump -i any -B "$BUFFER_KIB" -w /dev/null "tcp port 5201" 2>"$dir/tcpdump.err" &
    local tcpdump=$!
    until grep -q "capturing on" "$dir/braid.err" && grep -q "listening on" "$dir/tcpdump.err"; do sleep 0.1; done
    sleep 1 # the JVM settles
    local start end
    start=$(date +%s.%N)
    ip netns exec "$P-c" $PEER client --connect 192.0.2.2 --bytes "$bytes"
    end=$(date +%s.%N)
    wait "$server" || true
    sleep 0.5
    # SIGTERM, not SIGINT: a script's background jobs ignore SIGINT; both stop and report alike on either.
    kill -TERM "$braid" "$tcpdump"
    wait "$braid" || true
    wait "$tcpdump" || true
    local seconds braid_line tcpdump_captured tcpdump_dropped braid_captured braid_dropped
    seconds=$(echo "$end - $start" | bc -l)
    braid_line=$(grep "dropped by the kernel" "$dir/braid.err" | tail -1)
    braid_captured=$(echo "$braid_line" | sed -E 's/^braid: ([0-9,]+) packets captured.*/\1/' | tr -d ,)
    braid_dropped=$(echo "$braid_line" | sed -E 's/.* ([0-9,]+) dropped by the kernel.*/\1/' | tr -d ,)
    tcpdump_captured=$(awk '/packets captured/ {print $1}' "$dir/tcpdump.err")
    tcpdump_dropped=$(awk '/dropped by kernel/ {print $1}' "$dir/tcpdump.err")
    printf "%-10s %6.2f s  braid %9d pkts %9.0f pkt/s %8d dropped | tcpdump %9d pkts %9.0f pkt/s %8d dropped\n" \
        "$rate" "$seconds" "$braid_captured" "$(echo "$braid_captured / $seconds" | bc -l)" "$braid_dropped" \
        "$tcpdump_captured" "$(echo "$tcpdump_captured / $seconds" | bc -l)" "$tcpdump_dropped"
    rm -rf "$dir"
    $NETNS down "$P"
}

[[ $# -gt 0 ]] || set -- 200mbit 500mbit 1gbit unlimited
for rate in "$@"; do run "$rate"; done
