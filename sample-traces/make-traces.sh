#!/usr/bin/env bash
# Rebuilds the MPTCP sample traces in this folder with the running Linux kernel.
# Run as root:  sudo sample-traces/make-traces.sh [scenario...]   (no argument: all but "big")
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
            ip netns exec "$ns" ethtool -K "$dev" tso off gso off gro off >/dev/null
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
    ip netns exec "$ns" tcpdump "${opts[@]}" -B 65536 -U --immediate-mode -Z root -w "$file" tcp 2>"$TCPDUMP_LOG" &
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

scenario_loss_reinject() {
    # 10 % random loss on path 2, dropped where the server receives; captured at the sender.
    # The kernel reinjects only when the connection-level retransmit timer fires and another
    # subflow has nothing in flight, so the client sends in request/response rounds (both
    # subflows drain at the end of each round) and tail loss probes are off in the client
    # (a lost tail then waits for the RTO instead of being repaired within the subflow).
    setup 2 20mbit
    client_subflow 2
    in_cli sysctl -qw net.ipv4.tcp_early_retrans=0
    in_srv nft -f - <<EOF
table inet braid_loss {
    chain pre {
        type filter hook prerouting priority -150; policy accept;
        iifname "braid-s2" tcp flags & syn == 0 numgen random mod 1000 < 100 drop
    }
}
EOF
    # The loss is random, so a run may see no reinjection at all; with tshark installed the
    # trace is checked (verify.py, by data-sequence overlap) and made again, up to 5 times.
    local attempt
    for attempt in 1 2 3 4 5; do
        transfer "$CLI" loss-reinjections.pcap "" "--request 40000 --reply 100" \
            --connect "${SRV4[1]}" --bytes 40000 --rounds 30 --reply 100
        command -v tshark >/dev/null || break
        local found
        found=$(python3 ./verify.py --count-reinjections loss-reinjections.pcap)
        log "attempt $attempt: $found reinjected segments"
        [[ $found -gt 0 ]] && break
    done
}

scenario_dead_path() {
    # Half-way through, everything arriving at the server on path 2 is dropped; the client's
    # data stuck on the dead subflow is reinjected on path 1.
    setup 2 10mbit
    client_subflow 2
    in_srv nft -f - <<'EOF'
table inet braid_dead {
    chain pre {
        type filter hook prerouting priority -150; policy accept;
    }
}
EOF
    transfer "$CLI" dead-path.pcap "" "" --connect "${SRV4[1]}" --bytes 900000 \
        --event "0.3:ip netns exec $SRV nft add rule inet braid_dead pre iifname braid-s2 drop"
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
    mkdir -p big
    setup 2 200mbit
    client_subflow 2
    transfer "$CLI" big/big-two-subflows-s256.pcap "-i any -s 256" "" --connect "${SRV4[1]}" --bytes 320000000
}

scenario_zero_window() {
    # The server waits 0.5 s before reading: its receive buffer fills, the shared window closes
    # to zero on both subflows, and reopens once it reads. Captured at the sender.
    setup 2 30mbit
    client_subflow 2
    transfer "$CLI" zero-window.pcap "" "--stall 0.5" --connect "${SRV4[1]}" --bytes 600000
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

DEFAULT=(two_subflows add_remove_addr loss_reinject dead_path checksum checksum_fail_two
    checksum_fail_one mp_prio fastclose fallback ipv6 many_connections three_paths
    headers_only ethernet formats zero_window refused_join backup_used ignored_add_addr)

main() {
    [[ $EUID -eq 0 ]] || { echo "run as root" >&2; exit 1; }
    local list=("$@")
    [[ ${#list[@]} -eq 0 ]] && list=("${DEFAULT[@]}")
    local name
    for name in "${list[@]}"; do
        name=${name//-/_}
        declare -F "scenario_$name" >/dev/null || { echo "unknown scenario: $name (known: ${DEFAULT[*]} big)" >&2; exit 2; }
        log "scenario $name"
        "scenario_$name"
    done
    cleanup
}

main "$@"
