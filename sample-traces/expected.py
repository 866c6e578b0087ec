#!/usr/bin/env python3
"""Writes expected-tshark.json: Wireshark's view of every sample trace (development only).

The schema and the counting rules are those of shared/traces/public/expected-tshark.json
(tshark 4.0, one pass, mptcp.analyze_mappings and mptcp.intersubflows_retransmission on):
- packets: frames in the file;
- mptcp_connections: tshark MPTCP streams whose MP_CAPABLE SYN and SYN/ACK were captured;
- subflows_per_connection: TCP streams per such connection, ascending;
- tokens: both tokens of each such connection (tshark's mptcp.expected_token), as decimal
  strings, sorted as strings;
- option_counts: every tcp.options.mptcp.subtype occurrence, by subtype name;
- reinjected_packets: frames that carry mptcp.reinjection_of;
- dss_checksum: not from tshark, which never verifies them, but from dss_checksum.py.
Run with --check-public to confirm the rules reproduce the public file before trusting them.

    python3 expected.py [--check-public DIR]
"""
import collections
import json
import pathlib
import subprocess
import sys

import dss_checksum

HERE = pathlib.Path(__file__).resolve().parent
OUTPUT = HERE / "expected-tshark.json"
SUBTYPE_NAMES = ["MP_CAPABLE", "MP_JOIN", "DSS", "ADD_ADDR", "REMOVE_ADDR", "MP_PRIO",
                 "MP_FAIL", "MP_FASTCLOSE", "MP_TCPRST"]
FIELDS = ["tcp.stream", "tcp.flags", "mptcp.stream", "tcp.options.mptcp.subtype",
          "mptcp.expected_token", "mptcp.reinjection_of"]
SYN, ACK = 0x02, 0x10
TRACE_SUFFIXES = (".pcap", ".pcapng", ".pcap.gz")


def tshark_rows(trace):
    command = ["tshark", "-n", "-r", str(trace), "-o", "mptcp.analyze_mappings:TRUE",
               "-o", "mptcp.intersubflows_retransmission:TRUE", "-T", "fields",
               "-E", "separator=\t", "-E", "occurrence=a", "-E", "aggregator=,"]
    for field in FIELDS:
        command += ["-e", field]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    for line in result.stdout.splitlines():
        yield dict(zip(FIELDS, line.split("\t")))


def split(value):
    return [item for item in value.split(",") if item]


def expected_for(trace):
    packets = 0
    option_counts = collections.Counter()
    reinjected = 0
    syn_streams, synack_streams = set(), set()
    mptcp_stream_of = {}  # tcp.stream -> mptcp.stream
    subflows = collections.defaultdict(set)  # mptcp.stream -> tcp.streams
    tokens = collections.defaultdict(set)  # mptcp.stream -> tokens
    for row in tshark_rows(trace):
        packets += 1
        subtypes = [int(s) for s in split(row["tcp.options.mptcp.subtype"])]
        option_counts.update(SUBTYPE_NAMES[s] if s < len(SUBTYPE_NAMES) else f"subtype {s}" for s in subtypes)
        if row["mptcp.reinjection_of"]:
            reinjected += 1
        tcp_stream = row["tcp.stream"]
        if not tcp_stream:
            continue
        flags = int(row["tcp.flags"], 16) if row["tcp.flags"] else 0
        if 0 in subtypes and flags & (SYN | ACK) == SYN:
            syn_streams.add(tcp_stream)
        if 0 in subtypes and flags & (SYN | ACK) == SYN | ACK:
            synack_streams.add(tcp_stream)
        # A v1 MP_CAPABLE SYN carries no key, so tshark gives it no mptcp.stream yet:
        # the TCP stream's later packets tell which MPTCP connection it belongs to.
        if row["mptcp.stream"]:
            mptcp_stream_of[tcp_stream] = row["mptcp.stream"]
            subflows[row["mptcp.stream"]].add(tcp_stream)
            tokens[row["mptcp.stream"]].update(split(row["mptcp.expected_token"]))
    connections = {mptcp_stream_of[s] for s in syn_streams & synack_streams if s in mptcp_stream_of}
    return {
        "trace": trace.name,
        "packets": packets,
        "mptcp_connections": len(connections),
        "subflows_per_connection": sorted(len(subflows[c]) for c in connections),
        "tokens": sorted(set().union(*(tokens[c] for c in connections))),
        "option_counts": dict(sorted(option_counts.items())),
        "reinjected_packets": reinjected,
        "dss_checksum": dss_checksum.check(trace)[0],
    }


def traces_in(folder):
    return sorted(p for p in folder.iterdir() if p.name.endswith(TRACE_SUFFIXES))


def check_public(folder):
    """Compares these rules with the public expected file; returns the number of mismatches."""
    public = {e["trace"]: e for e in json.loads((folder / "expected-tshark.json").read_text())}
    mismatches = 0
    for trace in traces_in(folder):
        mine = expected_for(trace)
        for field, value in mine.items():
            if field == "dss_checksum" and public[trace.name][field] is None:
                continue  # the public checker left this trace out
            if public[trace.name][field] != value:
                mismatches += 1
                print(f"{trace.name}: {field} {value} != public {public[trace.name][field]}")
    print(f"{len(public)} public traces, {mismatches} mismatches")
    return mismatches


def main():
    if sys.argv[1:2] == ["--check-public"]:
        sys.exit(1 if check_public(pathlib.Path(sys.argv[2])) else 0)
    entries = [expected_for(trace) for trace in traces_in(HERE)]
    OUTPUT.write_text(json.dumps(entries, indent=1) + "\n")
    print(f"wrote {OUTPUT.name}: {len(entries)} traces")


if __name__ == "__main__":
    main()
