#!/usr/bin/env python3
"""The pseudorandom application payload of the follow-* traces, from a seed.

Byte stream: SHA-256 in counter mode. Block k (32 bytes) is
SHA-256(b"braid-payload" + seed as 8 bytes big-endian + k as 8 bytes big-endian), and the
stream is blocks 0, 1, 2, ... back to back. The client of mptcp_peer.py --seed S sends the
stream of seed S; the server's replies are the stream of seed S + 1. Anyone can recompute
what the application sent from the seed and the length, so a reassembled stream can be
checked byte for byte (its SHA-256) without keeping a copy of the payload.

    python3 payload.py --seed 7 --length 300000            # prints the SHA-256
    python3 payload.py --seed 7 --length 300000 --raw >f   # writes the bytes
"""
import argparse
import hashlib
import struct
import sys

PREFIX = b"braid-payload"
BLOCK = 32


class PayloadStream:
    """Hands out the stream of one seed in pieces, from its start."""

    def __init__(self, seed):
        self.seed = seed
        self.block = 0
        self.pending = b""

    def read(self, count):
        out = bytearray(self.pending[:count])
        self.pending = self.pending[count:]
        while len(out) < count:
            digest = hashlib.sha256(PREFIX + struct.pack(">qq", self.seed, self.block)).digest()
            self.block += 1
            need = count - len(out)
            out += digest[:need]
            self.pending = digest[need:]
        return bytes(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--length", type=int, required=True)
    parser.add_argument("--raw", action="store_true", help="write the bytes instead of their SHA-256")
    args = parser.parse_args()
    stream = PayloadStream(args.seed)
    digest = hashlib.sha256()
    left = args.length
    while left > 0:
        piece = stream.read(min(65536, left))
        left -= len(piece)
        if args.raw:
            sys.stdout.buffer.write(piece)
        else:
            digest.update(piece)
    if not args.raw:
        print(digest.hexdigest())


if __name__ == "__main__":
    main()
