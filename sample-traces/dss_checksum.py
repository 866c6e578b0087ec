#!/usr/bin/env python3
"""Independent DSS checksum checker for the sample traces (development only; Wireshark never
verifies DSS checksums).

For every distinct mapping that carries a checksum (counted once per subflow direction, even
when the option is repeated on many segments) it sums, in ones' complement, the RFC 8684
pseudo-header -- 64-bit data sequence number, relative subflow sequence number, data-level
length, the checksum itself -- and the mapped payload as captured. The mapping is `verified`
when the sum is 0xffff, `failed` otherwise, and `incomplete` when payload bytes are missing
from the capture or the DSN is only 32 bits wide. The first captured copy of each payload
byte counts: that is what the receiver's TCP accepted.

    python3 dss_checksum.py TRACE...
"""
import collections
import hashlib
import subprocess
import sys

FIELDS = ["tcp.stream", "ip.src", "ipv6.src", "tcp.srcport", "tcp.seq", "tcp.payload", "tcp.options"]
MPTCP_KIND, MP_CAPABLE, DSS = 30, 0, 2


def rows(trace):
    command = ["tshark", "-n", "-r", str(trace), "-o", "tcp.relative_sequence_numbers:TRUE",
               "-o", "tcp.analyze_sequence_numbers:TRUE", "-T", "fields", "-E", "separator=\t",
               "-E", "occurrence=f"]
    for field in FIELDS:
        command += ["-e", field]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    for line in result.stdout.splitlines():
        yield dict(zip(FIELDS, line.split("\t")))


def mptcp_options(options):
    """Yields the raw bytes of each MPTCP option in a TCP options block."""
    i = 0
    while i < len(options):
        kind = options[i]
        if kind == 0:
            return
        if kind == 1:
            i += 1
            continue
        if i + 1 >= len(options) or options[i + 1] < 2 or i + options[i + 1] > len(options):
            return
        length = options[i + 1]
        if kind == MPTCP_KIND and length >= 3:
            yield options[i:i + length]
        i += length


def dss_mapping(option):
    """(dsn, dsn is 64-bit, ssn, data-level length, checksum, DATA_FIN) of a DSS option, or None."""
    if len(option) < 4:
        return None
    flags = option[3]
    at = 4
    if flags & 0x01:  # A: DATA_ACK present, a: 8 octets
        at += 8 if flags & 0x02 else 4
    if not flags & 0x04:  # M: no mapping
        return None
    dsn_size = 8 if flags & 0x08 else 4
    if len(option) < at + dsn_size + 6 + 2:  # no checksum field
        return None
    dsn = int.from_bytes(option[at:at + dsn_size], "big")
    at += dsn_size
    ssn = int.from_bytes(option[at:at + 4], "big")
    length = int.from_bytes(option[at + 4:at + 6], "big")
    checksum = int.from_bytes(option[at + 6:at + 8], "big")
    return dsn, dsn_size == 8, ssn, length, checksum, bool(flags & 0x10)


def idsn(key):
    """Initial data sequence number: the low 64 bits of SHA-256 of the 64-bit key."""
    return int.from_bytes(hashlib.sha256(key.to_bytes(8, "big")).digest()[-8:], "big")


def ones_complement_sum(data, total=0):
    if len(data) % 2:
        data += b"\0"
    for i in range(0, len(data), 2):
        total += (data[i] << 8) | data[i + 1]
    while total >> 16:
        total = (total & 0xffff) + (total >> 16)
    return total


class Payload:
    """The payload bytes captured on one subflow direction, first copy wins."""

    def __init__(self):
        self.bytes = {}

    def add(self, seq, data):
        for i, value in enumerate(data):
            self.bytes.setdefault(seq + i, value)

    def get(self, start, length):
        try:
            return bytes(self.bytes[start + i] for i in range(length))
        except KeyError:
            return None


def check(trace):
    payloads = collections.defaultdict(Payload)
    mappings = {}  # (sender, dsn, ssn, length) -> (checksum, dsn64, data_fin)
    for row in rows(trace):
        if not row["tcp.stream"]:
            continue
        sender = (row["tcp.stream"], row["ip.src"] or row["ipv6.src"], row["tcp.srcport"])
        if row["tcp.payload"]:
            payloads[sender].add(int(row["tcp.seq"]), bytes.fromhex(row["tcp.payload"].replace(":", "")))
        for option in mptcp_options(bytes.fromhex(row["tcp.options"].replace(":", ""))):
            subtype = option[2] >> 4
            if subtype == DSS:
                mapping = dss_mapping(option)
            elif subtype == MP_CAPABLE and len(option) == 24:
                # v1 third ACK with data and checksum: keys, data-level length, checksum; the
                # mapping starts at the sender's IDSN + 1 and subflow sequence 1.
                key = int.from_bytes(option[4:12], "big")
                mapping = ((idsn(key) + 1) % 2 ** 64, True, 1, int.from_bytes(option[20:22], "big"),
                           int.from_bytes(option[22:24], "big"), False)
            else:
                mapping = None
            if mapping and mapping[3] > 0:  # length 0 is the infinite mapping: nothing to sum
                dsn, dsn64, ssn, length, checksum, data_fin = mapping
                mappings.setdefault((sender, dsn, ssn, length), (checksum, dsn64, data_fin))
    result = collections.Counter(mappings=len(mappings), verified=0, failed=0, incomplete=0)
    failed_at = []
    for (sender, dsn, ssn, length), (checksum, dsn64, data_fin) in mappings.items():
        data_length = length - 1 if data_fin else length  # DATA_FIN takes one unit of length, no byte
        data = payloads[sender].get(ssn, data_length)
        if data is None or not dsn64:
            result["incomplete"] += 1
            continue
        header = dsn.to_bytes(8, "big") + ssn.to_bytes(4, "big") + length.to_bytes(2, "big") + checksum.to_bytes(2, "big")
        if ones_complement_sum(header + data) == 0xffff:
            result["verified"] += 1
        else:
            result["failed"] += 1
            failed_at.append((sender[0], ssn, length))
    return {k: result[k] for k in ("mappings", "verified", "failed", "incomplete")}, failed_at


def main():
    for trace in sys.argv[1:]:
        counts, failed_at = check(trace)
        print(trace, counts, "failed (stream, ssn, length):", failed_at[:10])


if __name__ == "__main__":
    main()
