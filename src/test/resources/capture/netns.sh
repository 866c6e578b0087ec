#!/usr/bin/env bash
# Two network namespaces joined by two veth pairs, for the live-capture tests and measurement.
#   netns.sh up PREFIX [RATE]   creates PREFIX-c (client) and PREFIX-s (server), joined by
#                               PREFIX-c1 <-> PREFIX-s1 (192.0.2.1 <-> 192.0.2.2) and
#                               PREFIX-c2 <-> PREFIX-s2 (198.51.100.1 <-> 198.51.100.2),
#                               MPTCP on, the client's subflow endpoint on path 2, offloads off;
#                               RATE (e.g. 40mbit) shapes the client's egress on both paths with tbf.
#   netns.sh down PREFIX        deletes both namespaces (their veths go with them)
#   netns.sh cleanup [PID]      deletes the bcap-* namespaces and links left by runs that are gone, and PID's
# PREFIX is bcap- + the owning process id in 6 hex digits + one more hex digit (12 characters: interface
# names have at most 15), so a cleanup spares the networks of other builds running at the same time.
# Documentation addresses only (RFC 5737), so nothing here can route anywhere real.
set -euo pipefail

die() { echo "netns.sh: $*" >&2; exit 2; }

up() {
    local p=$1 rate=${2:-}
    [[ $p =~ ^bcap-[0-9a-f]{7}$ ]] || die "prefix must be bcap- and 7 hex digits: $p"
    local cli=$p-c srv=$p-s
    ip netns add "$cli"
    ip netns add "$srv"
    for ns in "$cli" "$srv"; do
        ip -n "$ns" link set lo up
        ip netns exec "$ns" sysctl -qw net.mptcp.enabled=1 net.ipv4.conf.all.rp_filter=0 \
            net.ipv4.conf.default.rp_filter=0
        ip -n "$ns" mptcp limits set subflows 8 add_addr_accepted 8
    done
    local -a c4=("" 192.0.2.1 198.51.100.1) s4=("" 192.0.2.2 198.51.100.2)
    local i
    for i in 1 2; do
        ip link add "$p-c$i" netns "$cli" type veth peer name "$p-s$i" netns "$srv"
        ip -n "$cli" addr add "${c4[$i]}/24" dev "$p-c$i"
        ip -n "$srv" addr add "${s4[$i]}/24" dev "$p-s$i"
        for side in "$cli:$p-c$i" "$srv:$p-s$i"; do
            local ns=${side%%:*} dev=${side#*:}
            ip netns exec "$ns" sysctl -qw "net.ipv4.conf.$dev.rp_filter=0"
            # One packet per segment on the wire, as a real link would carry them.
            ip netns exec "$ns" ethtool -K "$dev" tso off gso off gro off >/dev/null
            ip -n "$ns" link set "$dev" up
        done
        # A default route per path, so a subflow bound to path 2 reaches the server's path-1 address.
        ip -n "$cli" route add default via "${s4[$i]}" dev "$p-c$i" metric "10$i"
        ip -n "$srv" route add default via "${c4[$i]}" dev "$p-s$i" metric "10$i"
        if [[ -n $rate ]]; then
            ip netns exec "$cli" tc qdisc replace dev "$p-c$i" root tbf rate "$rate" burst 32kbit latency 200ms
        fi
    done
    ip -n "$cli" mptcp endpoint add "${c4[2]}" dev "$p-c2" subflow
}

down() {
    local p=$1 ns
    [[ $p == bcap-* ]] || die "prefix must be bcap-*: $p"
    for ns in "$p-c" "$p-s"; do
        if [[ -e /run/netns/$ns ]]; then
            # Stop what still runs inside, by namespace membership, never by name.
            local pid
            for pid in $(ip netns pids "$ns" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
            ip netns del "$ns" 2>/dev/null || true
        fi
    done
}

# True when PREFIX belongs to a process that still runs and is not PID (the caller, whose own older
# networks are leftovers: its tests run one after another).
owned_by_running() {
    local prefix=$1 caller=${2:-} owner
    [[ $prefix =~ ^bcap-([0-9a-f]{6})[0-9a-f]$ ]] || return 1
    owner=$((16#${BASH_REMATCH[1]}))
    [[ $owner != "$caller" ]] && kill -0 "$owner" 2>/dev/null
}

cleanup() {
    local caller=${1:-} ns link
    for ns in $(ip netns list 2>/dev/null | awk '$1 ~ /^bcap-/ {print $1}'); do
        owned_by_running "${ns%-?}" "$caller" || down "${ns%-?}"
    done
    for link in $(ip -o link show 2>/dev/null | awk -F': ' '$2 ~ /^bcap-/ {sub(/@.*/, "", $2); print $2}'); do
        owned_by_running "${link%-??}" "$caller" || ip link del "$link" 2>/dev/null || true
    done
}

case ${1:-} in
    up) up "${2:?prefix}" "${3:-}" ;;
    down) down "${2:?prefix}" ;;
    cleanup) cleanup "${2:-}" ;;
    *) die "usage: netns.sh up PREFIX [RATE] | down PREFIX | cleanup [PID]" ;;
esac
