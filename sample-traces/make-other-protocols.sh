#!/bin/bash
# Makes other-protocols.pcap: the traffic next to MPTCP that a real capture always holds (ARP,
# ICMP echo and port unreachable, UDP over IPv4 and IPv6, ICMPv6 neighbour discovery and echo),
# captured on the Ethernet side of a veth pair between two network namespaces. Run as root.
# BRAID_NS names the namespace pair (default braid), as for make-traces.sh.
set -euo pipefail
cd "$(dirname "$0")"
A=${BRAID_NS:-braid}-pa
B=${BRAID_NS:-braid}-pb
OUT=other-protocols.pcap

cleanup() {
    ip netns del "$A" 2>/dev/null || true
    ip netns del "$B" 2>/dev/null || true
}
trap cleanup EXIT INT TERM
cleanup

ip netns add "$A"
ip netns add "$B"
ip link add braid-pa netns "$A" type veth peer name braid-pb netns "$B"
ip -n "$A" link set braid-pa address 02:00:00:00:00:0a
ip -n "$B" link set braid-pb address 02:00:00:00:00:0b
ip -n "$A" addr add 192.0.2.1/24 dev braid-pa
ip -n "$B" addr add 192.0.2.2/24 dev braid-pb
ip -n "$A" addr add 2001:db8:1::1/64 dev braid-pa nodad
ip -n "$B" addr add 2001:db8:1::2/64 dev braid-pb nodad
ip -n "$A" link set lo up
ip -n "$B" link set lo up

# Echo requests (id 1, seq 1, 2...) over a raw socket, each waiting for its reply: python3 - 4|6 ADDRESS COUNT.
PING='
import socket, sys, time
version, address, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
v6 = version == "6"
s = socket.socket(socket.AF_INET6 if v6 else socket.AF_INET, socket.SOCK_RAW,
                  socket.IPPROTO_ICMPV6 if v6 else socket.IPPROTO_ICMP)
s.settimeout(2)
def checksum(data):
    total = sum((data[i] << 8) + data[i + 1] for i in range(0, len(data), 2))
    while total >> 16:
        total = (total & 0xffff) + (total >> 16)
    return ~total & 0xffff
for seq in range(1, count + 1):
    body = bytes(range(48))
    header = bytes([128 if v6 else 8, 0, 0, 0, 0, 1, 0, seq])
    packet = header + body
    if not v6:  # the kernel fills in the ICMPv6 checksum, not the ICMP one
        c = checksum(packet)
        packet = packet[:2] + bytes([c >> 8, c & 0xff]) + packet[4:]
    s.sendto(packet, (address, 0))
    s.recvfrom(2048)
    time.sleep(0.2)
'

# Capture before the link has a carrier (its peer is down), so router solicitations and MLD
# reports are in the trace.
ip -n "$A" link set braid-pa up
ip netns exec "$A" tcpdump -i braid-pa -s 0 -U --immediate-mode -w "$OUT" 2>/dev/null &
DUMP=$!
sleep 1
ip -n "$B" link set braid-pb up
sleep 2

# ARP request and reply, then an ICMP echo request and reply (three pings).
ip netns exec "$A" python3 - 4 192.0.2.2 3 <<<"$PING"
# A UDP datagram to a listening port, answered by the listener.
ip netns exec "$B" timeout 3 python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("192.0.2.2", 4000))
data, peer = s.recvfrom(2048)
s.sendto(b"x" * 32, peer)
' &
SERVER=$!
sleep 0.5
ip netns exec "$A" python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("192.0.2.1", 40000))
s.sendto(b"hi\n", ("192.0.2.2", 4000))
s.settimeout(2)
s.recvfrom(2048)
'
wait "$SERVER"
# A UDP datagram to a closed port: ICMP destination unreachable (port unreachable).
ip netns exec "$A" bash -c 'echo hi >/dev/udp/192.0.2.2/9'
sleep 0.3
# IPv6: neighbour solicitation and advertisement, ICMPv6 echo, UDP, then port unreachable.
ip netns exec "$A" python3 - 6 2001:db8:1::2 2 <<<"$PING"
ip netns exec "$A" bash -c 'echo hi >/dev/udp/2001:db8:1::2/9'
sleep 1
kill -INT "$DUMP"
wait "$DUMP" || true
echo "wrote $OUT"
