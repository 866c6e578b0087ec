#!/usr/bin/env python3
"""Wraps every packet of a capture in a tunnel, as a capture point inside the network sees it.

    encapsulate.py MODE IN OUT

IN is a classic pcap of IP packets (Linux cooked v1 or v2, Ethernet, or raw IP); OUT is an
Ethernet pcap with the same timestamps and the same IP packets inside MODE's headers:

  gtpu    IPv4 / UDP 2152 / GTP-U T-PDU with a PDU Session Container extension (5G N3)
  pppoe   PPPoE session / PPP (a DSL line of a hybrid access gateway)
  mpls    an MPLS stack of two labels
  erspan  IPv4 / GRE with a sequence number / ERSPAN type II / the mirrored Ethernet frame
  geneve  IPv4 / UDP 6081 / Geneve with one option / Ethernet
  vxlan   IPv4 / UDP 4789 / VXLAN / Ethernet
  vxlan-gpe  IPv4 / UDP 4790 / VXLAN-GPE with next protocol IPv4 or IPv6 / IP (no Ethernet)
  l2tp    IPv4 / UDP 1701 / L2TPv2 data with length and sequence numbers / PPP (a DSL line at the LNS)
  gre     IPv4 / GRE with checksum and key fields / IP
  4in6    IPv6 with a destination options header / IPv4
  hybrid  each subflow by its client address: PPPoE (DSL), GTP-U (LTE), or MPLS for a third path
  pktap   Apple's PKTAP (link type 258), as an iPhone capture shows Wi-Fi and cellular: the first
          path's subflow on en0 (Ethernet), the others on pdp_ip0 (raw IP), process assistantd

Each header is written as its RFC or 3GPP specification lays it out, checksums included, so
Wireshark decodes the result; Braid's tests check that the analysis inside a tunnel is the
analysis of the bare capture.
"""
import struct
import sys

ETH_IPV4, ETH_IPV6 = 0x0800, 0x86DD
MAC_A, MAC_B = bytes.fromhex("020000000001"), bytes.fromhex("020000000002")


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def ipv4(payload, proto, src, dst):
    header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 0, 0x4000, 64, proto, 0,
                         bytes(src), bytes(dst))
    return header[:10] + struct.pack("!H", checksum(header)) + header[12:] + payload


def udp(payload, sport, dport):
    return struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload  # checksum 0: none (IPv4)


def ethernet(payload, ethertype, uplink):
    dst, src = (MAC_B, MAC_A) if uplink else (MAC_A, MAC_B)
    return dst + src + struct.pack("!H", ethertype) + payload


def ether_type_of(ip):
    return ETH_IPV6 if ip[0] >> 4 == 6 else ETH_IPV4


def outer(uplink):
    a, b = [10, 200, 0, 1], [10, 200, 0, 2]
    return (a, b) if uplink else (b, a)


def gtpu(ip, uplink):
    teid = 0x1001 if uplink else 0x2002
    # PDU Session Container (TS 38.415): length 1 (4 bytes), PDU type 1 (UL) or 0 (DL), QFI 9, no next.
    container = bytes([1, (1 if uplink else 0) << 4, 9, 0])
    body = struct.pack("!HBB", 0, 0, 0x85) + container + ip  # sequence, N-PDU number, next extension type
    gtp = struct.pack("!BBHI", 0x34, 0xFF, len(body), teid) + body
    src, dst = outer(uplink)
    return ethernet(ipv4(udp(gtp, 2152, 2152), 17, src, dst), ETH_IPV4, uplink)


def pppoe(ip, uplink):
    ppp = struct.pack("!H", 0x0057 if ip[0] >> 4 == 6 else 0x0021) + ip
    return ethernet(struct.pack("!BBHH", 0x11, 0x00, 0x2A17, len(ppp)) + ppp, 0x8864, uplink)


def mpls(ip, uplink):
    labels = struct.pack("!II", (1000 << 12) | 64, (16 << 12) | 0x100 | 64)  # the second is the bottom
    return ethernet(labels + ip, 0x8847, uplink)


def erspan(ip, uplink, index=[0]):
    index[0] += 1
    frame = ethernet(ip, ether_type_of(ip), uplink)
    # ERSPAN II: version 1, VLAN 0; COS 0, En 3 (frames kept as they were), T 0, session 7; index.
    header = struct.pack("!HHI", 0x1000, (3 << 11) | 7, index[0] & 0xFFFFF)
    gre = struct.pack("!HHI", 0x1000, 0x88BE, index[0]) + header + frame
    src, dst = outer(uplink)
    return ethernet(ipv4(gre, 47, src, dst), ETH_IPV4, uplink)


def geneve(ip, uplink):
    option = struct.pack("!HBB", 0x0104, 0x01, 1) + b"\x00\x00\x00\x2a"  # class, type, length 1 word
    header = struct.pack("!BBHI", len(option) // 4, 0, 0x6558, 77 << 8) + option
    src, dst = outer(uplink)
    return ethernet(ipv4(udp(header + ethernet(ip, ether_type_of(ip), uplink), 49152, 6081), 17, src, dst),
                    ETH_IPV4, uplink)


def vxlan(ip, uplink):
    header = struct.pack("!II", 0x08000000, 5001 << 8)
    src, dst = outer(uplink)
    return ethernet(ipv4(udp(header + ethernet(ip, ether_type_of(ip), uplink), 49153, 4789), 17, src, dst),
                    ETH_IPV4, uplink)


def vxlan_gpe(ip, uplink):
    # Flags I and P (next protocol present), next protocol 1 (IPv4) or 2 (IPv6), VNI 5002.
    header = struct.pack("!BBBBI", 0x0C, 0, 0, 2 if ip[0] >> 4 == 6 else 1, 5002 << 8)
    src, dst = outer(uplink)
    return ethernet(ipv4(udp(header + ip, 49154, 4790), 17, src, dst), ETH_IPV4, uplink)


def l2tp(ip, uplink, counts=[0, 0]):
    # L2TPv2 data (RFC 2661 3.1): flags L and S, version 2; each side sends with its peer's tunnel and
    # session IDs; Ns counts this side's data messages, Nr the peer's. PPP keeps address and control.
    side = 0 if uplink else 1
    tunnel, session = (7, 9) if uplink else (3, 5)
    ppp = bytes([0xFF, 0x03]) + struct.pack("!H", 0x0057 if ip[0] >> 4 == 6 else 0x0021) + ip
    header = struct.pack("!HHHHHH", 0x4802, 12 + len(ppp), tunnel, session, counts[side] & 0xFFFF,
                         counts[1 - side] & 0xFFFF)
    counts[side] += 1
    src, dst = outer(uplink)
    return ethernet(ipv4(udp(header + ppp, 1701, 1701), 17, src, dst), ETH_IPV4, uplink)


def gre(ip, uplink):
    body = struct.pack("!HH", 0xA000, ether_type_of(ip))  # checksum and key present, version 0
    key = struct.pack("!I", 0xBEEF)
    gre_checksum = checksum(body + b"\0\0\0\0" + key + ip)
    packet = body + struct.pack("!HH", gre_checksum, 0) + key + ip
    src, dst = outer(uplink)
    return ethernet(ipv4(packet, 47, src, dst), ETH_IPV4, uplink)


def four_in_six(ip, uplink):
    a = bytes.fromhex("20010db8ff000000000000000000000" + ("1" if uplink else "2"))
    b = bytes.fromhex("20010db8ff000000000000000000000" + ("2" if uplink else "1"))
    destination_options = bytes([4, 0, 1, 4, 0, 0, 0, 0])  # next header IPv4; PadN of 4 bytes
    payload = destination_options + ip
    header = struct.pack("!IHBB16s16s", 6 << 28, len(payload), 60, 64, a, b)
    return ethernet(header + payload, ETH_IPV6, uplink)


MODES = {"gtpu": gtpu, "pppoe": pppoe, "mpls": mpls, "erspan": erspan, "geneve": geneve,
         "vxlan": vxlan, "vxlan-gpe": vxlan_gpe, "l2tp": l2tp, "gre": gre, "4in6": four_in_six}


def pktap(ip, uplink, on_wifi):
    """A 108-byte little-endian PKTAP header (tcpdump's pktap_header_t), then the frame."""
    frame = ethernet(ip, ether_type_of(ip), uplink) if on_wifi else ip
    ifname = (b"en0" if on_wifi else b"pdp_ip0").ljust(24, b"\0")
    header = struct.pack("<III24sIIIIi20sIHHi20s", 108, 1, 1 if on_wifi else 12, ifname,
                         0x1 if uplink else 0x2, 2 if ip[0] >> 4 == 4 else 30, 14 if on_wifi else 0, 0, 321,
                         b"assistantd".ljust(20, b"\0"), 0, 6 if on_wifi else 255, 0, 321,
                         b"assistantd".ljust(20, b"\0"))
    return header + frame


def ip_of(linktype, frame):
    if linktype == 276:  # Linux cooked v2
        return frame[20:]
    if linktype == 113:  # Linux cooked v1
        return frame[16:]
    if linktype == 1:
        return frame[14:]
    if linktype in (101, 12, 14):
        return frame
    sys.exit("unsupported link type %d" % linktype)


def is_syn(ip):
    header = (ip[0] & 0x0F) * 4 if ip[0] >> 4 == 4 else 40
    protocol = ip[9] if ip[0] >> 4 == 4 else ip[6]
    return protocol == 6 and len(ip) > header + 13 and ip[header + 13] & 0x12 == 0x02


def addresses(ip):
    return (ip[12:16], ip[16:20]) if ip[0] >> 4 == 4 else (ip[8:24], ip[24:40])


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in list(MODES) + ["hybrid", "pktap"]:
        sys.exit(__doc__)
    mode, source, target = sys.argv[1:]
    with open(source, "rb") as f:
        data = f.read()
    magic = data[:4]
    endian = "<" if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
    linktype = struct.unpack(endian + "I", data[20:24])[0]
    out = [data[:20], struct.pack(endian + "I", 258 if mode == "pktap" else 1)]
    records = []
    pos = 24
    while pos + 16 <= len(data):
        header = struct.unpack(endian + "IIII", data[pos:pos + 16])
        records.append((header, data[pos + 16:pos + 16 + header[2]]))
        pos += 16 + header[2]
    clients = {addresses(ip_of(linktype, frame))[0] for _, frame in records if is_syn(ip_of(linktype, frame))}
    paths = []
    for (seconds, fraction, captured, original), frame in records:
        ip = ip_of(linktype, frame)
        src, dst = addresses(ip)
        uplink = src in clients
        host = src if uplink else dst
        if host not in paths:
            paths.append(host)
        if mode == "hybrid":
            wrapped = (pppoe, gtpu, mpls)[min(paths.index(host), 2)](ip, uplink)
        elif mode == "pktap":
            wrapped = pktap(ip, uplink, paths.index(host) == 0)
        else:
            wrapped = MODES[mode](ip, uplink)
        extra = len(wrapped) - len(ip)
        out.append(struct.pack(endian + "IIII", seconds, fraction, len(wrapped), original - (len(frame) - len(ip)) + extra))
        out.append(wrapped)
    with open(target, "wb") as f:
        f.write(b"".join(out))


if __name__ == "__main__":
    main()
