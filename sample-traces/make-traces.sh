#!/usr/bin/env bash
# Rebuilds the MPTCP sample traces in this folder with the running Linux kernel.
# Run as root:  sudo sample-traces/make-traces.sh [scenario...]   (no argument: all but "big", "big_full" and "pair_big")
# Needs: iproute2, nftables, ethtool, tcpdump, wireshark-common (editcap), gzip, python3.
#
# Two namespaces, braid-cli (client, the data sender) and braid-srv (server), are joined by
# three veth pairs, one per path:
#   path 1  braid-c1 192.0.2.1     2001:db8:1::1  <->  braid-s1 192.0.2.2     2001:db8:1::2
#   path 2  braid-c2 198.51.100.1  2001:db8:2::1  <->  braid-s2 198.51.100.2  2001:db8:2::2
#   path 3  braid-c3 203.0.113.1   2001:db8:3::1  <->  braid-s3 203.0.113.2   2001:db8:3::2
# Each side has a default route via every path (metric 101, 102, 103), so a subflow bound to
# braid-c2 reaches the server's path-1 address over path 2, as in the kernel's mptcp_join.sh.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
PEER="python3 ./mptcp_peer.py"
# BRAID_NS names the namespace pair (default braid), so that several runs can work side by side.
CLI=${BRAID_NS:-braid}-cli
SRV=${BRAID_NS:-braid}-srv
PORT=5201
TCPDUMP_PID=""
TCPDUMP_LOG=""

declare -A CLI4=([1]=192.0.2.1 [2]=198.51.100.1 [3]=203.0.113.1)
declare -A SRV4=([1]=192.0.2.2 [2]=198.51.100.2 [3]=203.0.113.2)
declare -A CLI6=([1]=2001:db8:1::1 [2]=2001:db8:2::1 [3]=2001:db8:3::1)
declare -A SRV6=([1]=2001:db8:1::2 [2]=2001:db8:2::2 [3]=2001:db8:3::2)

log() { echo "[make-traces] $*" >&2; }
in_cli() { ip netns exec "$CLI" "$@"; }
in_srv() { ip netns exec "$SRV" "$@"; }

cleanup() {
    if [[ -n "$TCPDUMP_PID" ]]; then kill -INT "$TCPDUMP_PID" 2>/dev/null || true; fi
    # Killing the namespaces' processes by namespace, never by name.
    for ns in "$CLI" "$SRV"; do
        if ip netns list | grep -qw "$ns"; then
            for pid in $(ip netns pids "$ns" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
            ip netns del "$ns" 2>/dev/null || true
        fi
    done
    TCPDUMP_PID=""
    if [[ -n "$TCPDUMP_LOG" ]]; then rm -f "$TCPDUMP_LOG"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- topology
setup() {  # setup NPATHS [RATES]   tbf rates on the client's egress, e.g. 30mbit or 10mbit,50mbit (one per path)
    local npaths=$1 rates=()
    IFS=, read -r -a rates <<<"${2:-}"
    cleanup
    ip netns add "$CLI"
    ip netns add "$SRV"
    for ns in "$CLI" "$SRV"; do
        ip -n "$ns" link set lo up
        ip netns exec "$ns" sysctl -qw net.mptcp.enabled=1 net.mptcp.checksum_enabled=0 \
            net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0
        ip -n "$ns" mptcp limits set subflows 8 add_addr_accepted 8
    done
    local i
    for ((i = 1; i <= npaths; i++)); do
        ip link add "braid-c$i" netns "$CLI" type veth peer name "braid-s$i" netns "$SRV"
        ip -n "$CLI" addr add "${CLI4[$i]}/24" dev "braid-c$i"
        ip -n "$SRV" addr add "${SRV4[$i]}/24" dev "braid-s$i"
        ip -n "$CLI" addr add "${CLI6[$i]}/64" dev "braid-c$i" nodad
        ip -n "$SRV" addr add "${SRV6[$i]}/64" dev "braid-s$i" nodad
        for side in "$CLI:braid-c$i" "$SRV:braid-s$i"; do
            local ns=${side%%:*} dev=${side#*:}
            ip netns exec "$ns" sysctl -qw "net.ipv4.conf.$dev.rp_filter=0"
            # OFFLOADS=on keeps TSO/GSO/GRO: the capture then shows segments of up to 64 KB, as on real hosts.
            [[ "${OFFLOADS:-off}" == on ]] || ip netns exec "$ns" ethtool -K "$dev" tso off gso off gro off >/dev/null
            ip -n "$ns" link set "$dev" up
        done
        ip -n "$CLI" route add default via "${SRV4[$i]}" dev "braid-c$i" metric "10$i"
        ip -n "$SRV" route add default via "${CLI4[$i]}" dev "braid-s$i" metric "10$i"
        ip -6 -n "$CLI" route add default via "${SRV6[$i]}" dev "braid-c$i" metric "10$i"
        ip -6 -n "$SRV" route add default via "${CLI6[$i]}" dev "braid-s$i" metric "10$i"
        if [[ ${#rates[@]} -gt 0 ]]; then
            local rate=${rates[i - 1]:-${rates[-1]}}
            ip netns exec "$CLI" tc qdisc replace dev "braid-c$i" root tbf rate "$rate" burst 32kbit latency 200ms
        fi
    done
}

client_subflow() {  # client_subflow PATH [v6]: a client endpoint that opens a subflow on PATH
    local addr=${CLI4[$1]}
    [[ "${2:-}" == v6 ]] && addr=${CLI6[$1]}
    ip -n "$CLI" mptcp endpoint add "$addr" dev "braid-c$1" subflow
}

checksums_on() {
    in_cli sysctl -qw net.mptcp.checksum_enabled=1
    in_srv sysctl -qw net.mptcp.checksum_enabled=1
}

# ---------------------------------------------------------------- capture and traffic
capture_start() {  # capture_start NS FILE [tcpdump options...]   (default: -i any -s 0)
    local ns=$1 file=$2
    shift 2
    local opts=("$@")
    [[ ${#opts[@]} -eq 0 ]] && opts=(-i any -s 0)
    TCPDUMP_LOG=$(mktemp)
    # shellcheck disable=SC2086
    ip netns exec "$ns" tcpdump "${opts[@]}" -B 65536 -U --immediate-mode -Z root -w "$file" ${CAPTURE_FILTER:-tcp} 2>"$TCPDUMP_LOG" &
    TCPDUMP_PID=$!
    local tries=0
    until grep -q "listening on" "$TCPDUMP_LOG"; do
        ((++tries > 100)) && { cat "$TCPDUMP_LOG" >&2; return 1; }
        sleep 0.05
    done
}

capture_stop() {  # stops tcpdump about a second after the traffic and reports its drop count
    sleep 1
    kill -INT "$TCPDUMP_PID"
    wait "$TCPDUMP_PID" || true
    TCPDUMP_PID=""
    log "tcpdump: $(grep -E 'captured|dropped by kernel' "$TCPDUMP_LOG" | paste -sd, -)"
    rm -f "$TCPDUMP_LOG"
}

server_start() {  # server_start [mptcp_peer server options...]
    local ready
    ready=$(mktemp)
    # ip netns exec execs python, so $! is the server's own pid.
    ip netns exec "$SRV" $PEER server --port "$PORT" "$@" >"$ready" &
    SERVER_PID=$!
    local tries=0
    until grep -q ready "$ready"; do
        ((++tries > 100)) && { rm -f "$ready"; log "server did not start"; return 1; }
        sleep 0.05
    done
    rm -f "$ready"
}

server_wait() { wait "$SERVER_PID" || true; }

client_run() { in_cli $PEER client --port "$PORT" "$@"; }

# One transfer from client to server with the capture around it. The server binds the
# wildcard address of the destination's family.
transfer() {  # transfer NS FILE "tcpdump opts" "server opts" client opts...
    local ns=$1 file=$2 dump_opts=$3 server_opts=$4
    shift 4
    local dest
    dest=$(printf '%s\n' "$@" | awk 'prev=="--connect" {print} {prev=$0}')
    local bind=0.0.0.0
    [[ "$dest" == *:* ]] && bind=::
    # shellcheck disable=SC2086
    capture_start "$ns" "$file" $dump_opts
    # shellcheck disable=SC2086
    server_start --bind "$bind" $server_opts
    client_run "$@"
    server_wait
    capture_stop
    log "$file: $(stat -c %s "$file") bytes"
}

# ---------------------------------------------------------------- scenarios
scenario_two_subflows() {
    setup 2 30mbit
    client_subflow 2
    transfer "$CLI" two-subflows.pcap "" "" --connect "${SRV4[1]}" --bytes 600000
}

scenario_add_remove_addr() {
    # The server announces its path-2 address (ADD_ADDR), the client joins it; half-way the
    # server flushes its endpoints, which sends REMOVE_ADDR and closes that subflow.
    setup 2 10mbit
    ip -n "$SRV" mptcp endpoint add "${SRV4[2]}" dev braid-s2 signal
    transfer "$CLI" add-addr-remove-addr.pcap "" "" --connect "${SRV4[1]}" --bytes 900000 \
        --event "0.35:ip -n $SRV mptcp endpoint flush"
}

random_loss() {  # random_loss in_cli|in_srv DEV PERMILLE: drops that share of the non-SYN segments that namespace receives on DEV
    "$1" nft -f - <<EOF
table inet braid_loss {
    chain pre {
        type filter hook prerouting priority -150; policy accept;
        iifname "$2" tcp flags & syn == 0 numgen random mod 1000 < $3 drop
    }
}
EOF
}

server_random_loss() { random_loss in_srv "$@"; }  # server_random_loss DEV PERMILLE
client_random_loss() { random_loss in_cli "$@"; }  # client_random_loss DEV PERMILLE

dead_path_table() {  # an empty server table that dead_path_event's rule joins when the path dies
    in_srv nft -f - <<'EOF'
table inet braid_dead {
    chain pre {
        type filter hook prerouting priority -150; policy accept;
    }
}
EOF
}

dead_path_event() {  # dead_path_event SECONDS DEV: a transfer --event that kills the path into the server on DEV
    echo "$1:ip netns exec $SRV nft add rule inet braid_dead pre iifname $2 drop"
}

transfer_until_reinjected() {  # transfer_until_reinjected FILE ARGS...: transfer "$CLI" FILE ARGS, remade if no reinjection
    # The loss is random, so a run may see no reinjection at all; with tshark installed the
    # trace is checked (verify.py, by data-sequence overlap) and made again, up to 5 times.
    local file=$1 attempt found
    for attempt in 1 2 3 4 5; do
        transfer "$CLI" "$@"
        command -v tshark >/dev/null || return 0
        found=$(python3 ./verify.py --count-reinjections "$file")
        log "attempt $attempt: $found reinjected segments"
        [[ $found -gt 0 ]] && return 0
    done
}

scenario_loss_reinject() {
    # 10 % random loss on path 2, dropped where the server receives; captured at the sender.
    # The kernel reinjects only when the connection-level retransmit timer fires and another
    # subflow has nothing in flight, so the client sends in request/response rounds (both
    # subflows drain at the end of each round) and tail loss probes are off in the client
    # (a lost tail then waits for the RTO instead of being repaired within the subflow).
    setup 2 20mbit
    client_subflow 2
    in_cli sysctl -qw net.ipv4.tcp_early_retrans=0
    server_random_loss braid-s2 100
    transfer_until_reinjected loss-reinjections.pcap "" "--request 40000 --reply 100" \
        --connect "${SRV4[1]}" --bytes 40000 --rounds 30 --reply 100
}

scenario_both_ways_loss() {
    # Both ends send: request/response rounds of 30 kB each way, with 5 % random loss into the
    # server on path 2 and into the client on path 1, so each side loses data on a different
    # subflow; tail loss probes off at both ends, as in loss_reinject. Captured at the client.
    setup 2 20mbit
    client_subflow 2
    in_cli sysctl -qw net.ipv4.tcp_early_retrans=0
    in_srv sysctl -qw net.ipv4.tcp_early_retrans=0
    server_random_loss braid-s2 50
    client_random_loss braid-c1 50
    transfer "$CLI" both-ways-loss.pcap "" "--seed 11 --request 30000 --reply 30000" \
        --connect "${SRV4[1]}" --bytes 30000 --rounds 20 --reply 30000 --seed 11
}

scenario_fastopen() {
    # TCP Fast Open with MPTCP: two connections; the first fetches the server's cookie, the second
    # sends its first 1,000 bytes in the MP_CAPABLE SYN (known payload, seed 61 and 62).
    setup 2 20mbit
    client_subflow 2
    in_cli sysctl -qw net.ipv4.tcp_fastopen=3
    in_srv sysctl -qw net.ipv4.tcp_fastopen=3
    transfer "$CLI" fastopen.pcap "" "--fastopen --count 2 --seed 61 --request 100000 --reply 20000" \
        --connect "${SRV4[1]}" --fastopen --count 2 --gap 0.2 --seed 61 --bytes 100000 --reply 20000
}

scenario_fastopen_refused() {
    # As fastopen, but the server stops accepting SYN data after the first connection (its
    # tcp_fastopen drops the server bit): the second SYN's 1,000 bytes are not acknowledged, and
    # the client sends them again after the handshake.
    setup 2 20mbit
    client_subflow 2
    in_cli sysctl -qw net.ipv4.tcp_fastopen=3
    in_srv sysctl -qw net.ipv4.tcp_fastopen=3
    transfer "$CLI" fastopen-refused.pcap "" "--fastopen --count 2 --seed 61 --request 100000 --reply 20000" \
        --connect "${SRV4[1]}" --fastopen --count 2 --gap 0.2 --seed 61 --bytes 100000 --reply 20000 \
        --event "0.1:ip netns exec $SRV sysctl -qw net.ipv4.tcp_fastopen=1"
}

scenario_server_joins() {
    # The client announces its path-2 address (a signal endpoint with a port, which opens a
    # listener for joins); the server's in-kernel path manager joins it: the MP_JOIN SYN goes from
    # the connection's server to its client.
    setup 2 20mbit
    ip -n "$CLI" mptcp endpoint add "${CLI4[2]}" dev braid-c2 signal port 10100
    ip -n "$SRV" mptcp endpoint add "${SRV4[2]}" dev braid-s2 subflow
    transfer "$CLI" server-joins.pcap "" "--seed 71 --request 200000 --reply 200000" \
        --connect "${SRV4[1]}" --seed 71 --bytes 200000 --reply 200000
}

scenario_dead_path() {
    # Half-way through, everything arriving at the server on path 2 is dropped; the client's
    # data stuck on the dead subflow is reinjected on path 1.
    setup 2 10mbit
    client_subflow 2
    dead_path_table
    transfer "$CLI" dead-path.pcap "" "" --connect "${SRV4[1]}" --bytes 900000 \
        --event "$(dead_path_event 0.3 braid-s2)"
}

scenario_checksum() {
    setup 2 30mbit
    checksums_on
    client_subflow 2
    transfer "$CLI" dss-checksum.pcap "" "" --connect "${SRV4[1]}" --bytes 600000
}

payload_rewriter() {  # payload_rewriter DEV: a "middlebox" on the client's egress that changes one payload byte
    in_cli nft -f - <<EOF
table inet braid_mbox {
    chain post {
        type filter hook postrouting priority 0; policy accept;
        oifname "$1" meta length > 1200 numgen inc mod 300 == 7 @th,1200,8 set 0x58
    }
}
EOF
}

scenario_checksum_fail_two() {
    # Payload rewritten on path 2 with DSS checksums on, captured at the receiver:
    # MP_FAIL, then the subflow is reset with MP_TCPRST; the transfer finishes on path 1.
    setup 2 20mbit
    checksums_on
    client_subflow 2
    payload_rewriter braid-c2
    transfer "$SRV" checksum-fail-two-subflows.pcap "" "" --connect "${SRV4[1]}" --bytes 700000
}

scenario_checksum_fail_one() {
    # The same on the only subflow: MP_FAIL, then fallback to TCP (infinite mapping). The
    # connection may stall afterwards, so the client is cut off after a few seconds.
    setup 1 20mbit
    checksums_on
    payload_rewriter braid-c1
    capture_start "$SRV" checksum-fail-one-subflow.pcap
    server_start --bind 0.0.0.0
    timeout -s INT ${STALL_SECONDS:-6} ip netns exec "$CLI" $PEER client --port "$PORT" --connect "${SRV4[1]}" --bytes 700000 || true
    kill "$SERVER_PID" 2>/dev/null || true
    server_wait
    capture_stop
    log "checksum-fail-one-subflow.pcap: $(stat -c %s checksum-fail-one-subflow.pcap) bytes"
}

scenario_mp_prio() {
    # The client marks its path-2 endpoint backup (MP_PRIO backup) and later nobackup again.
    setup 2 10mbit
    client_subflow 2
    transfer "$CLI" mp-prio-backup.pcap "" "" --connect "${SRV4[1]}" --bytes 1600000 \
        --event "0.1:ip -n $CLI mptcp endpoint change ${CLI4[2]} backup" \
        --event "0.4:ip -n $CLI mptcp endpoint change ${CLI4[2]} nobackup"
}

scenario_fastclose() {
    # The client sends, waits for a reply, then closes with SO_LINGER {1, 0}: MP_FASTCLOSE.
    setup 2 30mbit
    client_subflow 2
    transfer "$CLI" fastclose.pcap "" "--reply 20000 --request 300000" \
        --connect "${SRV4[1]}" --bytes 300000 --reply 20000 --hold 0.2 --linger0
}

scenario_fallback() {
    # An MPTCP client against a plain TCP server: the SYN/ACK has no MP_CAPABLE.
    setup 2 30mbit
    client_subflow 2
    transfer "$CLI" fallback-tcp.pcap "" "--tcp" --connect "${SRV4[1]}" --bytes 300000
}

scenario_ipv6() {
    setup 2 30mbit
    client_subflow 2 v6
    transfer "$CLI" ipv6-two-subflows.pcap "" "" --connect "${SRV6[1]}" --bytes 600000
}

scenario_many_connections() {
    # 40 short request/response connections, each joined by a second subflow on path 2.
    setup 2 50mbit
    client_subflow 2
    transfer "$CLI" many-connections.pcap "" "--count 40 --reply 8000 --request 8000" \
        --connect "${SRV4[1]}" --count 40 --bytes 8000 --reply 8000 --hold 0.05
}

scenario_three_paths() {
    setup 3 20mbit
    client_subflow 2
    client_subflow 3
    transfer "$CLI" three-subflows.pcap "" "" --connect "${SRV4[1]}" --bytes 900000
}

scenario_headers_only() {
    setup 2 30mbit
    client_subflow 2
    transfer "$CLI" headers-only-s96.pcap "-i any -s 96" "" --connect "${SRV4[1]}" --bytes 1500000
}

scenario_ethernet() {
    setup 2 30mbit
    client_subflow 2
    transfer "$CLI" ethernet-c1.pcap "-i braid-c1 -s 0" "" --connect "${SRV4[1]}" --bytes 600000
}

scenario_formats() {
    # Other file formats of existing captures: pcapng and nanosecond pcap of two-subflows.pcap,
    # and a gzip of fastclose.pcap. Missing sources are made first.
    [[ -f two-subflows.pcap ]] || scenario_two_subflows
    [[ -f fastclose.pcap ]] || scenario_fastclose
    editcap -F pcapng two-subflows.pcap two-subflows.pcapng
    editcap -F nsecpcap two-subflows.pcap two-subflows-nsec.pcap
    gzip -9 -n -c fastclose.pcap >fastclose.pcap.gz
    log "formats: $(stat -c '%n %s' two-subflows.pcapng two-subflows-nsec.pcap fastclose.pcap.gz | paste -sd, -)"
}

scenario_big() {
    # At least 300,000 packets of one bulk transfer over two subflows, headers plus 256 bytes
    # per packet (-s 256) to keep the file near 80 MB. Not part of the default set.
    # BIG_BYTES=3800000000 makes about 3.9M packets (860 MB) instead, and BIG_NAME names that file.
    mkdir -p big
    setup 2 200mbit
    client_subflow 2
    transfer "$CLI" "big/${BIG_NAME:-big-two-subflows-s256}.pcap" "-i any -s 256 -B 65536" "" \
        --connect "${SRV4[1]}" --bytes "${BIG_BYTES:-320000000}"
}

scenario_big_full() {
    # The same bulk transfer captured whole (no snap length), about 240,000 packets and 260 MB:
    # the trace on which start-up dominates a whole-process run. Not part of the default set.
    mkdir -p big
    setup 2 200mbit
    client_subflow 2
    transfer "$CLI" big/big-two-subflows-full.pcap "-i any -B 65536" "" --connect "${SRV4[1]}" --bytes 240000000
}

scenario_zero_window() {
    # The server waits 0.5 s before reading: its receive buffer fills, the shared window closes
    # to zero on both subflows, and reopens once it reads. Captured at the sender.
    setup 2 30mbit
    client_subflow 2
    transfer "$CLI" zero-window.pcap "" "--stall 0.5" --connect "${SRV4[1]}" --bytes 600000
}

# ---------------------------------------------------------------- partial captures (issue: truth on partial captures)
scenario_download() {
    # The server sends (1.5 MB answer to a 100-byte request) over two subflows: the data flows
    # from the server, so a capture without the SYN must not take the client for the sender.
    setup 2 30mbit
    client_subflow 2
    server_shaped 2 30mbit
    transfer "$CLI" download.pcap "" "--request 100 --reply 1500000" --connect "${SRV4[1]}" --bytes 100
}

scenario_download_capture_loss() {
    # The same download with the server's egress unshaped: it sends faster than tcpdump in the
    # client's namespace keeps up with, and the capture loses segments that the client acknowledges
    # (tcpdump still reports 0 drops). Wireshark flags the same ACKs as "ACKed segment that wasn't captured".
    setup 2 30mbit
    client_subflow 2
    transfer "$CLI" download-capture-loss.pcap "" "--request 100 --reply 1500000" --connect "${SRV4[1]}" --bytes 100
}

server_shaped() {  # server_shaped NPATHS RATE: tbf on the server's egress too, for transfers the server sends
    local i
    for ((i = 1; i <= $1; i++)); do
        ip netns exec "$SRV" tc qdisc replace dev "braid-s$i" root tbf rate "$2" burst 32kbit latency 200ms
    done
}

scenario_three_paths_loss() {
    # Three paths, 3 % random loss on path 3 where the server receives; captured at the sender.
    setup 3 20mbit
    client_subflow 2
    client_subflow 3
    server_random_loss braid-s3 30
    transfer "$CLI" three-paths-loss.pcap "" "" --connect "${SRV4[1]}" --bytes 900000
}

scenario_tso_checksum() {
    # DSS checksums with TSO/GSO/GRO left on: the capture sees super-segments of up to 64 KB.
    OFFLOADS=on setup 2 100mbit
    checksums_on
    client_subflow 2
    transfer "$CLI" tso-checksum.pcap "" "" --connect "${SRV4[1]}" --bytes 900000
}

scenario_ipv4_ipv6_join() {
    # An IPv4 connection (a dual-stack socket to a v4-mapped address) that the server's ADD_ADDR
    # of an IPv6 address lets the client join over IPv6.
    setup 2 30mbit
    ip -n "$SRV" mptcp endpoint add "${SRV6[2]}" dev braid-s2 signal
    client_subflow 2 v6
    transfer "$CLI" ipv4-ipv6-join.pcap "" "" --connect "::ffff:${SRV4[1]}" --bytes 600000
}

cut_from() {  # cut_from SOURCE FIRST OUT: the capture as if started just before packet FIRST
    local count
    count=$(capinfos -c -M "$1" | awk '/Number of packets/ {print $NF}')
    editcap -r "$1" "$3" "$2-$count"
}

scenario_partial() {
    # Captures as people take them, made from full ones: started after the handshake, at the
    # MP_CAPABLE data packet (frame 4 on our traces) and after the joins; with packets lost; cut
    # to a 64-byte snaplen. They go to partial/; the tests make their own cuts of every trace.
    local source
    for source in three-paths-loss download checksum-fail-two-subflows ipv4-ipv6-join dss-checksum tso-checksum; do
        [[ -f $source.pcap ]] || "scenario_${source//-/_}" 2>/dev/null || continue
    done
    mkdir -p partial
    cut_from three-paths-loss.pcap 200 partial/three-paths-loss-from-200.pcap
    cut_from download.pcap 800 partial/download-from-800.pcap
    cut_from download.pcap 4 partial/download-from-4.pcap
    cut_from dss-checksum.pcap 4 partial/dss-checksum-from-mp-capable-data.pcap
    cut_from checksum-fail-two-subflows.pcap 40 partial/checksum-fail-two-subflows-after-joins.pcap
    cut_from ipv4-ipv6-join.pcap 30 partial/ipv4-ipv6-join-after-joins.pcap
    cut_from tso-checksum.pcap 300 partial/tso-checksum-from-300.pcap
    # Every 50th packet from the 100th on deleted: the capture dropped them.
    editcap three-paths-loss.pcap partial/three-paths-loss-dropped.pcap $(seq 100 50 3000)
    editcap -s 64 three-paths-loss.pcap partial/three-paths-loss-s64.pcap
    log "partial: $(ls partial | paste -sd, -)"
}

# ---------------------------------------------------------------- follow-* traces: known payload
# The client sends the pseudorandom stream of a seed and the server answers with the stream of
# seed + 1 (payload.py), so the reassembled streams can be checked against SHA-256 sums computed
# from the seed and the length alone. Kept to a few hundred KB each.

scenario_follow_two() {
    # Three request/response rounds: 3 x 100000 bytes up, 3 x 30000 bytes down.
    setup 2 20mbit
    client_subflow 2
    transfer "$CLI" follow-two-subflows.pcap "" "--seed 11 --request 100000 --reply 30000" \
        --connect "${SRV4[1]}" --seed 11 --bytes 100000 --rounds 3 --reply 30000
}

scenario_follow_three() {
    # 300000 bytes up over three subflows, one 10000-byte answer.
    setup 3 10mbit
    client_subflow 2
    client_subflow 3
    transfer "$CLI" follow-three-subflows.pcap "" "--seed 21 --request 300000 --reply 10000" \
        --connect "${SRV4[1]}" --seed 21 --bytes 300000 --reply 10000
}

scenario_follow_loss() {
    # As loss_reinject (here 20 % loss into the server on path 2, rounds that drain both subflows),
    # smaller: 12 rounds of 30000 bytes up and 400 down. Remade until a reinjection shows.
    setup 2 20mbit
    client_subflow 2
    in_cli sysctl -qw net.ipv4.tcp_early_retrans=0
    server_random_loss braid-s2 200
    transfer_until_reinjected follow-loss-reinjections.pcap "" "--seed 31 --request 30000 --reply 400" \
        --connect "${SRV4[1]}" --seed 31 --bytes 30000 --rounds 12 --reply 400
}

scenario_follow_dead_path() {
    # 300000 bytes up; after 0.1 s path 2 drops everything: its data is reinjected on path 1.
    setup 2 5mbit
    client_subflow 2
    dead_path_table
    transfer "$CLI" follow-dead-path.pcap "" "--seed 41" --connect "${SRV4[1]}" --seed 41 --bytes 300000 \
        --event "$(dead_path_event 0.1 braid-s2)"
}

scenario_follow_remove_addr() {
    # The server announces path 2 and withdraws it after 0.15 s (REMOVE_ADDR): what the closed
    # subflow had in flight is sent again. 300000 bytes up.
    setup 2 5mbit
    ip -n "$SRV" mptcp endpoint add "${SRV4[2]}" dev braid-s2 signal
    transfer "$CLI" follow-remove-addr.pcap "" "--seed 51" --connect "${SRV4[1]}" --seed 51 --bytes 300000 \
        --event "0.15:ip -n $SRV mptcp endpoint flush"
}

# ---------------------------------------------------------------- captures at both ends (issue 12: two captures of the same connections)
# Three namespaces: client, router, server. Path N runs client braid-cN 10.N.0.1 <-> router braid-rcN
# 10.N.0.254, then router braid-rsN 10.N.1.254 <-> server braid-sN 10.N.1.1. The router forwards
# path N's traffic on path N (a source rule for the client's path-N subnet), drops packets with
# nftables rules that count what they drop, and shapes each path both ways with tbf at the path's
# rate, so queueing delays between the two capture points differ per path. The tbf queues are
# deep (limit 4 MB) and their drop counts are logged beside the nft counters: the only losses
# between the captures are the router's counted drops.
RTR=${BRAID_NS:-braid}-rtr
DUMP_PIDS=()
DUMP_LOGS=()

routed_cleanup() {
    local pid
    for pid in "${DUMP_PIDS[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
    DUMP_PIDS=()
    if ip netns list | grep -qw "$RTR"; then
        for pid in $(ip netns pids "$RTR" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
        ip netns del "$RTR" 2>/dev/null || true
    fi
    if [[ ${#DUMP_LOGS[@]} -gt 0 ]]; then rm -f "${DUMP_LOGS[@]}"; fi
    DUMP_LOGS=()
}
trap 'routed_cleanup; cleanup' EXIT

setup_routed() {  # setup_routed RATES   one tbf rate per path, e.g. 8mbit,3mbit
    local crates=() i ns dev
    IFS=, read -r -a crates <<<"$1"
    routed_cleanup
    cleanup
    ip netns add "$CLI"
    ip netns add "$RTR"
    ip netns add "$SRV"
    for ns in "$CLI" "$RTR" "$SRV"; do
        ip -n "$ns" link set lo up
        ip netns exec "$ns" sysctl -qw net.mptcp.enabled=1 net.mptcp.checksum_enabled=0 \
            net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0
    done
    ip netns exec "$RTR" sysctl -qw net.ipv4.ip_forward=1
    for ns in "$CLI" "$SRV"; do ip -n "$ns" mptcp limits set subflows 8 add_addr_accepted 8; done
    for ((i = 1; i <= ${#crates[@]}; i++)); do
        ip link add "braid-c$i" netns "$CLI" type veth peer name "braid-rc$i" netns "$RTR"
        ip link add "braid-s$i" netns "$SRV" type veth peer name "braid-rs$i" netns "$RTR"
        ip -n "$CLI" addr add "10.$i.0.1/24" dev "braid-c$i"
        ip -n "$RTR" addr add "10.$i.0.254/24" dev "braid-rc$i"
        ip -n "$RTR" addr add "10.$i.1.254/24" dev "braid-rs$i"
        ip -n "$SRV" addr add "10.$i.1.1/24" dev "braid-s$i"
        for side in "$CLI:braid-c$i" "$RTR:braid-rc$i" "$RTR:braid-rs$i" "$SRV:braid-s$i"; do
            ns=${side%%:*} dev=${side#*:}
            ip netns exec "$ns" sysctl -qw "net.ipv4.conf.$dev.rp_filter=0"
            ip netns exec "$ns" ethtool -K "$dev" tso off gso off gro off >/dev/null
            ip -n "$ns" link set "$dev" up
        done
        ip -n "$CLI" route add default via "10.$i.0.254" dev "braid-c$i" metric "10$i"
        ip -n "$SRV" route add "10.$i.0.0/24" via "10.$i.1.254" dev "braid-s$i"
        # Whatever the client sends from its path-N address leaves the router on path N.
        ip -n "$RTR" rule add from "10.$i.0.0/24" lookup "10$i"
        ip -n "$RTR" route add default via "10.$i.1.1" dev "braid-rs$i" table "10$i"
        for dev in "braid-rc$i" "braid-rs$i"; do
            ip netns exec "$RTR" tc qdisc replace dev "$dev" root tbf rate "${crates[i - 1]}" burst 32kbit limit 4mb
        done
    done
    ip netns exec "$RTR" nft -f - <<'EOF'
table inet braid_router {
    counter path1 {}
    counter path2 {}
    chain forward {
        type filter hook forward priority 0; policy accept;
    }
}
EOF
}

routed_subflow() {  # routed_subflow PATH: a client endpoint that opens a subflow on PATH
    ip -n "$CLI" mptcp endpoint add "10.$1.0.1" dev "braid-c$1" subflow
}

both_captures_start() {  # both_captures_start CLIENT_FILE SERVER_FILE   (SNAPLEN: bytes kept per packet, default all)
    local ns file log tries
    for ns in "$CLI:$1" "$SRV:$2"; do
        file=${ns#*:} ns=${ns%%:*}
        log=$(mktemp)
        ip netns exec "$ns" tcpdump -i any -s "${SNAPLEN:-0}" -B 65536 -U --immediate-mode -Z root -w "$file" \
            ${CAPTURE_FILTER:-tcp} 2>"$log" &
        DUMP_PIDS+=($!)
        DUMP_LOGS+=("$log")
        tries=0
        until grep -q "listening on" "$log"; do
            ((++tries > 100)) && { cat "$log" >&2; return 1; }
            sleep 0.05
        done
    done
}

both_captures_stop() {
    local pid log
    for pid in "${DUMP_PIDS[@]}"; do kill -INT "$pid"; wait "$pid" || true; done
    for log in "${DUMP_LOGS[@]}"; do log "tcpdump: $(grep -E 'captured|dropped by kernel' "$log" | paste -sd, -)"; done
    rm -f "${DUMP_LOGS[@]}"
    DUMP_PIDS=()
    DUMP_LOGS=()
}

routed_transfer() {  # routed_transfer NAME client opts...: $PAIRS/NAME-client.pcap and $PAIRS/NAME-server.pcap
    local name=$1 dir=${PAIRS:-pairs}
    shift
    mkdir -p "$dir"
    both_captures_start "$dir/$name-client.pcap" "$dir/$name-server.pcap"
    server_start --bind 0.0.0.0
    client_run --connect 10.1.1.1 "$@"
    server_wait
    sleep 0.5
    # Links down before the counters are read: a late retransmission can then be neither
    # captured at the client nor dropped by the router, so the counts and captures agree.
    local i
    for i in 1 2; do ip -n "$CLI" link set "braid-c$i" down; done
    sleep 0.3
    ip netns exec "$RTR" nft list counters table inet braid_router | awk -v name="$name" '
        /counter/ {path=$2} /packets/ {print name, path, "dropped", $2, "packets"}' >"$dir/$name-drops.txt"
    local dev
    for dev in braid-rc1 braid-rs1 braid-rc2 braid-rs2; do
        ip netns exec "$RTR" tc -s qdisc show dev "$dev" | awk -v name="$name" -v dev="$dev" '
            /dropped/ {gsub(",", "", $7); print name, dev, "tbf dropped", $7, "packets"}' >>"$dir/$name-drops.txt"
    done
    log "router: $(paste -sd, "$dir/$name-drops.txt")"
    both_captures_stop
    log "$dir/$name: $(stat -c '%n %s' "$dir/$name-client.pcap" "$dir/$name-server.pcap" | paste -sd, -)"
}

scenario_pair_dead_path() {
    # Two paths (8 and 3 mbit); 0.15 s in, the router drops everything the client
    # sends on path 2: the data stuck there is reinjected on path 1.
    setup_routed 8mbit,3mbit
    routed_subflow 2
    routed_transfer dead-path --bytes 350000 \
        --event "0.15:ip netns exec $RTR nft add rule inet braid_router forward iifname braid-rc2 counter name path2 drop"
}

scenario_pair_path_loss() {
    # Two paths (8 and 4 mbit); the router drops 6 % of what the client sends on
    # path 2 (never a SYN), at random.
    setup_routed 8mbit,4mbit
    routed_subflow 2
    ip netns exec "$RTR" nft add rule inet braid_router forward iifname braid-rc2 \
        'tcp flags & syn == 0 numgen random mod 1000 < 60 counter name path2 drop'
    routed_transfer path-loss --bytes 400000
}

scenario_pair_pmtu() {
    # Two routed paths (8 and 4 mbit); the router's link towards the server on path 2 has an MTU
    # of 1280, below the 1500 of every other link. The client's full-size segments on subflow 2
    # draw ICMP "fragmentation needed" (next-hop MTU 1280) from the router until the kernel's path
    # MTU discovery shrinks them; subflow 1 never sees one. Captured with ICMP as well as TCP.
    setup_routed 8mbit,4mbit
    ip -n "$RTR" link set braid-rs2 mtu 1280
    routed_subflow 2
    CAPTURE_FILTER="tcp or icmp" routed_transfer pmtu --bytes 300000
}

scenario_pair_big() {
    # The benchmark pair for braid bench --compare: one bulk transfer over two routed paths of at
    # least 300,000 packets, captured at both ends with 256 bytes a packet. Not in the default set;
    # it goes to big/, which is never committed.
    setup_routed 400mbit,300mbit
    routed_subflow 2
    PAIRS=big SNAPLEN=256 routed_transfer pair-big --bytes 345000000
}

scenario_refused_join() {
    # The server accepts no extra subflow (limit 0): it answers the client's MP_JOIN SYN on
    # path 2 with a reset, and the transfer stays on path 1.
    setup 2 20mbit
    ip -n "$SRV" mptcp limits set subflows 0 add_addr_accepted 0
    client_subflow 2
    transfer "$CLI" refused-join.pcap "" "" --connect "${SRV4[1]}" --bytes 300000
}

scenario_backup_used() {
    # The client's MP_JOIN SYN on path 2 leaves its kernel without the backup flag; an nftables
    # rule on the way out sets it (B bit of the MP_JOIN option at TCP header byte 42). The server
    # takes the subflow as backup, the client's scheduler does not, so the backup subflow carries
    # data while path 1 is up.
    setup 2 10mbit
    client_subflow 2
    in_cli nft -f - <<'EOF'
table inet braid_bkup {
    chain post {
        type filter hook postrouting priority 0; policy accept;
        oifname "braid-c2" tcp flags & (syn | ack) == syn @th,320,8 30 @th,336,8 0x10 @th,336,8 set 0x11
    }
}
EOF
    transfer "$CLI" backup-used.pcap "" "" --connect "${SRV4[1]}" --bytes 600000
}

scenario_ignored_add_addr() {
    # The server announces its path-2 address; the client accepts no ADD_ADDR (limit 0), so it
    # echoes the announcement but never joins it.
    setup 2 20mbit
    ip -n "$CLI" mptcp limits set subflows 8 add_addr_accepted 0
    ip -n "$SRV" mptcp endpoint add "${SRV4[2]}" dev braid-s2 signal
    transfer "$CLI" ignored-add-addr.pcap "" "" --connect "${SRV4[1]}" --bytes 300000
}

scenario_vxlan() {
    # Both paths carry a VXLAN overlay (VNI 101 over path 1, 102 over path 2) and the MPTCP
    # connection runs over the overlay; the capture is of the underlay, as a hypervisor or a
    # data-centre switch sees it: IPv4 / UDP 4789 / VXLAN / Ethernet / IPv4 / TCP.
    setup 2 20mbit
    local i ns dev local_ip remote_ip
    for i in 1 2; do
        for ns in "$CLI" "$SRV"; do
            if [[ "$ns" == "$CLI" ]]; then
                dev=braid-c$i local_ip=${CLI4[$i]} remote_ip=${SRV4[$i]}
            else
                dev=braid-s$i local_ip=${SRV4[$i]} remote_ip=${CLI4[$i]}
            fi
            ip -n "$ns" link add "braid-vx$i" type vxlan id "10$i" local "$local_ip" remote "$remote_ip" \
                dstport 4789 dev "$dev"
            ip netns exec "$ns" ethtool -K "braid-vx$i" tso off gso off gro off >/dev/null
            ip netns exec "$ns" sysctl -qw "net.ipv4.conf.braid-vx$i.rp_filter=0"
            ip -n "$ns" link set "braid-vx$i" up
        done
        ip -n "$CLI" addr add "10.10.$i.1/24" dev "braid-vx$i"
        ip -n "$SRV" addr add "10.10.$i.2/24" dev "braid-vx$i"
        ip -n "$CLI" route add 10.10.0.0/16 via "10.10.$i.2" dev "braid-vx$i" metric "20$i"
        ip -n "$SRV" route add 10.10.0.0/16 via "10.10.$i.1" dev "braid-vx$i" metric "20$i"
    done
    ip -n "$CLI" mptcp endpoint add 10.10.2.1 dev braid-vx2 subflow
    CAPTURE_FILTER="udp port 4789" transfer "$CLI" vxlan-two-subflows.pcap "-i any -s 0" "" --connect 10.10.1.2 --bytes 200000
}

scenario_tunnels() {
    # The same kernel captures wrapped in each tunnel Braid decodes (encapsulate.py), and a hybrid
    # access capture whose subflows ride PPPoE (DSL), GTP-U (LTE) and MPLS: the analysis inside a
    # tunnel must be the analysis of the bare capture.
    mkdir -p tunnels
    local mode
    for mode in gtpu pppoe mpls erspan geneve vxlan vxlan-gpe l2tp gre 4in6; do
        python3 encapsulate.py "$mode" checksum-fail-one-subflow.pcap "tunnels/$mode.pcap"
    done
    python3 encapsulate.py hybrid follow-three-subflows.pcap tunnels/hybrid-pppoe-gtpu-mpls.pcap
    python3 encapsulate.py pktap follow-two-subflows.pcap tunnels/pktap-wifi-cellular.pcap
}

DEFAULT=(two_subflows add_remove_addr loss_reinject dead_path checksum checksum_fail_two
    checksum_fail_one mp_prio fastclose fallback ipv6 many_connections three_paths
    headers_only ethernet formats zero_window download download_capture_loss three_paths_loss tso_checksum
    ipv4_ipv6_join partial follow_two follow_three follow_loss follow_dead_path follow_remove_addr
    pair_dead_path pair_path_loss pair_pmtu refused_join backup_used ignored_add_addr vxlan tunnels both_ways_loss fastopen)

main() {
    [[ $EUID -eq 0 ]] || { echo "run as root" >&2; exit 1; }
    local list=("$@")
    [[ ${#list[@]} -eq 0 ]] && list=("${DEFAULT[@]}")
    local name
    for name in "${list[@]}"; do
        name=${name//-/_}
        declare -F "scenario_$name" >/dev/null || { echo "unknown scenario: $name (known: ${DEFAULT[*]} big big_full pair_big)" >&2; exit 2; }
        log "scenario $name"
        "scenario_$name"
    done
    cleanup
}

main "$@"
