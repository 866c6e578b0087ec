#!/usr/bin/env python3
"""Prints what each sample trace really contains, for checking README.md (development only).

Uses tshark for the dissection, then makes its own judgement of two things tshark is not
trusted on: which data segments are true reinjections (their data-sequence range was
already sent on another subflow of the same connection, computed from the DSS mappings
and, for the first bytes, from the MP_CAPABLE key's IDSN) and where the MPTCP events are.

    python3 verify.py [TRACE...]      (default: every trace in this folder)
"""
import bisect
import collections
import pathlib
import subprocess
import sys

from dss_checksum import idsn

HERE = pathlib.Path(__file__).resolve().parent
SUBTYPES = ["MP_CAPABLE", "MP_JOIN", "DSS", "ADD_ADDR", "REMOVE_ADDR", "MP_PRIO",
            "MP_FAIL", "MP_FASTCLOSE", "MP_TCPRST"]
FIELDS = ["frame.number", "frame.time_relative", "tcp.stream", "ip.src", "ipv6.src", "tcp.srcport",
          "ip.dst", "ipv6.dst", "tcp.dstport", "tcp.flags", "tcp.seq", "tcp.len",
          "tcp.options.mptcp.subtype", "tcp.options.mptcp.rawdataseqno",
          "tcp.options.mptcp.subflowseqno", "tcp.options.mptcp.datalvllen",
          "tcp.options.mptcp.sendkey", "tcp.options.mptcp.rst_reason",
          "tcp.options.mptcp.addrid", "tcp.options.mptcp.ipv4", "tcp.options.mptcp.ipv6",
          "tcp.options.mptcp.echo", "tcp.options.mptcp.backup.flag", "mptcp.stream",
          "mptcp.reinjection_of", "tcp.analysis.zero_window_probe", "tcp.analysis.retransmission",
          "tcp.options.mptcp.checksum", "tcp.window_size"]
TRACE_SUFFIXES = (".pcap", ".pcapng", ".pcap.gz")


def tshark_rows(trace):
    command = ["tshark", "-r", str(trace), "-o", "mptcp.analyze_mappings:TRUE",
               "-o", "mptcp.intersubflows_retransmission:TRUE", "-T", "fields",
               "-E", "separator=\t", "-E", "occurrence=a", "-E", "aggregator=;"]
    for field in FIELDS:
        command += ["-e", field]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        yield dict(zip(FIELDS, line.split("\t")))


class ByteRanges:
    """Merged half-open ranges of data-sequence numbers."""

    def __init__(self):
        self.starts, self.ends = [], []

    def overlaps(self, start, end):
        i = bisect.bisect_right(self.ends, start)  # first range ending after start
        return i < len(self.starts) and self.starts[i] < end

    def add(self, start, end):
        i = bisect.bisect_left(self.ends, start)  # first range that touches or follows start
        j = bisect.bisect_right(self.starts, end)  # past the last range that touches end
        if i < j:
            start, end = min(start, self.starts[i]), max(end, self.ends[j - 1])
        self.starts[i:j] = [start]
        self.ends[i:j] = [end]


def describe(trace, quiet=False):
    rows = list(tshark_rows(trace))
    initiator, kind, data = {}, {}, collections.Counter()
    keys_by_stream = {}
    counts = collections.Counter()
    events = []
    mappings = {}  # (stream, sender) -> (dsn, ssn, length)
    sent = collections.defaultdict(ByteRanges)  # (mptcp.stream, direction, tcp.stream)
    true_reinjections, tshark_reinjections, zero_window_probes, infinite = [], 0, 0, []
    rst_frames = []
    for row in rows:
        stream = row["tcp.stream"]
        if not stream:
            continue
        src = (row["ip.src"] or row["ipv6.src"], row["tcp.srcport"])
        dst = (row["ip.dst"] or row["ipv6.dst"], row["tcp.dstport"])
        flags = int(row["tcp.flags"], 16)
        subtypes = [int(s) for s in row["tcp.options.mptcp.subtype"].replace(";", ",").split(",") if s]
        counts.update(SUBTYPES[s] if s < len(SUBTYPES) else str(s) for s in subtypes)
        if flags & 0x12 == 0x02 and stream not in initiator:
            initiator[stream] = src
            kind[stream] = ("MP_CAPABLE" if 0 in subtypes else "MP_JOIN" if 1 in subtypes else "plain TCP",
                            f"{src[0]}:{src[1]} -> {dst[0]}:{dst[1]}")
        if flags & 0x04:
            rst_frames.append(row["frame.number"])
        if 0 in subtypes and row["tcp.options.mptcp.sendkey"] and flags & 0x12 == 0x10:
            keys_by_stream[(stream, src)] = row["tcp.options.mptcp.sendkey"].split(";")[0]
        frame = row["frame.number"]
        for s in subtypes:
            if s == 3:
                addr = row["tcp.options.mptcp.ipv4"] or row["tcp.options.mptcp.ipv6"]
                echo = " echo" if row["tcp.options.mptcp.echo"] in ("1", "True") else ""
                events.append(f"#{frame} ADD_ADDR{echo} id {row['tcp.options.mptcp.addrid']} {addr} (stream {stream})")
            elif s == 4:
                events.append(f"#{frame} REMOVE_ADDR id {row['tcp.options.mptcp.addrid']} (stream {stream})")
            elif s == 5:
                backup = "backup" if row["tcp.options.mptcp.backup.flag"] in ("1", "True") else "nobackup"
                events.append(f"#{frame} MP_PRIO {backup} from {src[0]} (stream {stream})")
            elif s in (6, 7):
                events.append(f"#{frame} {SUBTYPES[s]} from {src[0]} (stream {stream}) t={float(row['frame.time_relative']):.3f}")
            elif s == 8:
                events.append(f"#{frame} MP_TCPRST reason {row['tcp.options.mptcp.rst_reason']} from {src[0]} (stream {stream})")
        length = int(row["tcp.len"] or 0)
        mapping_len = row["tcp.options.mptcp.datalvllen"]
        if 2 in subtypes and mapping_len == "0" and row["tcp.options.mptcp.rawdataseqno"]:
            infinite.append(frame)
        if row["mptcp.reinjection_of"]:
            tshark_reinjections += 1
        if row["tcp.analysis.zero_window_probe"]:
            zero_window_probes += 1
        if length == 0:
            continue
        direction = "fwd" if initiator.get(stream) == src else "rev"
        data[(stream, direction)] += length
        seq = int(row["tcp.seq"])
        if row["tcp.options.mptcp.rawdataseqno"] and mapping_len:
            mappings[(stream, src)] = (int(row["tcp.options.mptcp.rawdataseqno"]),
                                       int(row["tcp.options.mptcp.subflowseqno"]), int(mapping_len))
        elif 0 in subtypes and mapping_len and (stream, src) in keys_by_stream:
            # v1 MP_CAPABLE carrying data: the mapping starts at IDSN + 1, subflow sequence 1.
            mappings[(stream, src)] = ((idsn(int(keys_by_stream[(stream, src)])) + 1) % 2 ** 64, 1, int(mapping_len))
        mapping = mappings.get((stream, src))
        if not mapping or not row["mptcp.stream"]:
            continue
        dsn, ssn, mlen = mapping
        if not ssn <= seq < ssn + mlen:
            continue
        start = dsn + (seq - ssn)
        end = start + min(length, ssn + mlen - seq)
        # Data direction within the connection; every subflow here is opened by the client.
        conn_dir = (row["mptcp.stream"], direction)
        others = [ranges for (cd, s), ranges in sent.items() if cd == conn_dir and s != stream]
        if any(r.overlaps(start, end) for r in others):
            true_reinjections.append(frame)
        sent[(conn_dir, stream)].add(start, end)
    if quiet:
        return len(true_reinjections)
    size = trace.stat().st_size
    encap = subprocess.run(["capinfos", "-E", "-l", str(trace)], capture_output=True, text=True).stdout
    encap = " / ".join(line.split(":", 1)[1].strip() for line in encap.splitlines()[1:] if ":" in line)
    print(f"== {trace.name}: {len(rows)} packets, {size} bytes, {encap}")
    for stream, (how, path) in sorted(kind.items(), key=lambda item: int(item[0])):
        print(f"  stream {stream}: {how:10} {path}  data fwd {data[(stream, 'fwd')]} B, rev {data[(stream, 'rev')]} B")
    print("  options: " + ", ".join(f"{name} {counts[name]}" for name in SUBTYPES if counts[name]))
    for event in events[:60]:
        print("  " + event)
    if len(events) > 60:
        print(f"  ... {len(events) - 60} more events")
    print(f"  reinjections: tshark {tshark_reinjections}, by DSN overlap {len(true_reinjections)}"
          + (f" (first #{', #'.join(true_reinjections[:8])})" if true_reinjections else ""))
    if infinite:
        print(f"  infinite mappings (DSS data-level length 0): #{', #'.join(infinite[:5])}")
    if zero_window_probes:
        print(f"  zero-window probes: {zero_window_probes}")
    print(f"  RST segments: {len(rst_frames)}")


def count_true_reinjections(trace):
    return describe(trace, quiet=True)


def main():
    if sys.argv[1:2] == ["--count-reinjections"]:
        print(count_true_reinjections(pathlib.Path(sys.argv[2])))
        return
    names = sys.argv[1:]
    traces = [pathlib.Path(n) for n in names] if names else sorted(
        p for p in HERE.iterdir() if p.name.endswith(TRACE_SUFFIXES))
    for trace in traces:
        describe(trace)


if __name__ == "__main__":
    main()
