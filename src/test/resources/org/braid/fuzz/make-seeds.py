#!/usr/bin/env python3
"""Makes the fuzz tests' seed corpus from the repository's traces: their first packets, each cut
to its headers, so every seed stays a few kilobytes. Run from the repository root:
    python3 src/test/resources/org/braid/fuzz/make-seeds.py
Regression inputs (crashes the fuzzer found) live beside the seeds as crash-* files; this script
leaves them alone."""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
SNAP = 160  # bytes kept of each packet: link, IP and TCP headers with their options

LINK_INDEX = {1: 0, 113: 1, 276: 2, 101: 3, 228: 4, 229: 5}  # DecoderFuzzTest.LINK_TYPES positions


def pcap_records(path, count):
    data = open(path, 'rb').read()
    magic = data[:4]
    endian = '<' if magic in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1') else '>'
    link = struct.unpack(endian + 'I', data[20:24])[0] & 0x03ffffff
    header = data[:16] + struct.pack(endian + 'I', SNAP) + data[20:24]
    records, at = [], 24
    while at + 16 <= len(data) and len(records) < count:
        sec, frac, cap, orig = struct.unpack(endian + 'IIII', data[at:at + 16])
        body = data[at + 16:at + 16 + cap][:SNAP]
        records.append((struct.pack(endian + 'IIII', sec, frac, len(body), orig), body))
        at += 16 + cap
    return header, records, link


def write(folder, name, content):
    os.makedirs(os.path.join(HERE, folder), exist_ok=True)
    with open(os.path.join(HERE, folder, name), 'wb') as out:
        out.write(content)


def pcapng_blocks(path, count):
    data = open(path, 'rb').read()
    endian = '<' if data[8:12] == b'\x4d\x3c\x2b\x1a' else '>'
    out, at, packets = b'', 0, 0
    while at + 12 <= len(data) and packets < count:
        kind, length = struct.unpack(endian + 'II', data[at:at + 8])
        out += data[at:at + length]
        packets += kind in (2, 3, 6)
        at += length
    return out


def main():
    root = os.path.abspath(os.path.join(HERE, '..', '..', '..', '..', '..', '..'))
    samples = os.path.join(root, 'sample-traces')
    public = os.path.join(root, 'src', 'test', 'resources', 'traces', 'public')
    pcaps = [(samples, 'two-subflows.pcap', 40), (samples, 'ethernet-c1.pcap', 30),
             (samples, 'ipv6-two-subflows.pcap', 30), (samples, 'dss-checksum.pcap', 30),
             (samples, 'fastclose.pcap', 40), (samples, 'fallback-tcp.pcap', 20),
             (samples, 'mp-prio-backup.pcap', 40), (samples, 'add-addr-remove-addr.pcap', 40),
             (public, 'tcpdump-mptcp-v0.pcap', 30), (public, 'tcpdump-mptcp-v1.pcap', 30),
             (public, 'tcpdump-mptcp-dss-oobr.pcap', 10), (public, 'tcpdump-mptcp-tcprst.pcap', 20)]
    tunnels = os.path.join(samples, 'tunnels')  # every tunnel the decoder opens, so fuzzing reaches each
    pcaps += [(tunnels, mode + '.pcap', 10) for mode in ('gtpu', 'pppoe', 'mpls', 'erspan', 'geneve', 'vxlan',
                                                          'vxlan-gpe', 'l2tp', 'gre', '4in6', 'pktap-wifi-cellular')]
    for folder, name, count in pcaps:
        header, records, link = pcap_records(os.path.join(folder, name), count)
        trace = header + b''.join(h + b for h, b in records)
        stem = name.rsplit('.', 1)[0]
        write('TraceReaderFuzzTestInputs/pcap', stem, header + b''.join(h + b for h, b in records[:8]))
        write('AnalysisFuzzTestInputs/analyseAndWrite', stem, trace)
        if link in LINK_INDEX:
            for i, (_, body) in enumerate(records[:3]):
                write('DecoderFuzzTestInputs/decode', '%s-%d' % (stem, i), body + b'\x00\x00' + bytes([LINK_INDEX[link]]))
    for name in ('two-subflows.pcapng',):
        write('TraceReaderFuzzTestInputs/pcapng', name.rsplit('.', 1)[0], pcapng_blocks(os.path.join(samples, name), 6))
    for name in ('client_2-first10.pcapng', 'fclose-commented.pcapng'):
        data = open(os.path.join(root, 'src', 'test', 'resources', 'io', name), 'rb').read()
        write('TraceReaderFuzzTestInputs/pcapng', name.rsplit('.', 1)[0], data[:8192])


main()
