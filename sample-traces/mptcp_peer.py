#!/usr/bin/env python3
"""Client and server that make the traffic for make-traces.sh.

The sockets are opened with IPPROTO_MPTCP (262) so the kernel speaks MPTCP; --tcp
opens a plain TCP socket instead (used for the fallback scenario's server).
The client sends --bytes to the server (so the client is the data sender), may ask
for a reply, and may run shell commands at fixed times after connecting (--event),
which is how path-manager changes and nftables rules land in the middle of a transfer.
With --seed S the client sends the pseudorandom stream of seed S and the server replies
with the stream of seed S + 1 (payload.py), instead of the default repeating 0..255 bytes
and "r"s, so a trace's reassembled streams can be checked against their SHA-256.
"""
import argparse
import shlex
import socket
import struct
import subprocess
import sys
import threading
import time

from payload import PayloadStream

IPPROTO_MPTCP = 262
CHUNK = 16 * 1024


def make_socket(address, plain_tcp):
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    proto = socket.IPPROTO_TCP if plain_tcp else IPPROTO_MPTCP
    return socket.socket(family, socket.SOCK_STREAM, proto)


def set_abortive_close(sock):
    # SO_LINGER {on, 0 s}: close() aborts; for MPTCP the kernel sends MP_FASTCLOSE.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def receive_exactly(sock, count):
    received = 0
    while received < count:
        data = sock.recv(min(CHUNK * 4, count - received))
        if not data:
            break
        received += len(data)
    return received


def drain(sock):
    total = 0
    while True:
        data = sock.recv(CHUNK * 4)
        if not data:
            return total
        total += len(data)


class RepeatingBytes:
    """The default payload: every piece read starts the pattern again (as before --seed existed)."""

    def __init__(self, pattern):
        self.pattern = pattern

    def read(self, count):
        return (self.pattern * (count // len(self.pattern) + 1))[:count]


def payload_source(seed, default_pattern):
    return RepeatingBytes(default_pattern) if seed is None else PayloadStream(seed)


def serve(args):
    listener = make_socket(args.bind, args.tcp)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if args.fastopen:
        listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_FASTOPEN, 16)
    listener.bind((args.bind, args.port))
    listener.listen(64)
    print("ready", flush=True)
    for _ in range(args.count):
        conn, _peer = listener.accept()
        replies = payload_source(None if args.seed is None else args.seed + 1, b"r")
        if args.stall:
            # Not reading lets the receive buffer fill: the shared window closes to zero.
            time.sleep(args.stall)
        try:
            if args.reply:
                # Request/response rounds until the client closes.
                while receive_exactly(conn, args.request) == args.request:
                    conn.sendall(replies.read(args.reply))
            else:
                drain(conn)
        except OSError as error:
            print(f"server: {error}", file=sys.stderr)
        conn.close()
    listener.close()


def schedule_events(events, start):
    """Runs the commands in one thread, in time order, so a slow command cannot be overtaken."""
    plan = sorted((float(delay), command) for delay, command in (e.split(":", 1) for e in events))

    def run():
        for delay, command in plan:
            time.sleep(max(0.0, start + delay - time.monotonic()))
            print(f"event at {delay}s: {command}", file=sys.stderr, flush=True)
            subprocess.run(shlex.split(command), check=False)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return [thread]


def send_payload(sock, source, count, pause):
    # With --pause the sender is application-limited: it waits after every chunk, so
    # subflows drain and go idle, which the kernel needs before it reinjects onto them.
    sent = 0
    while sent < count:
        piece = source.read(min(CHUNK, count - sent))
        sock.sendall(piece)
        sent += len(piece)
        if pause:
            time.sleep(pause)


def run_client_connection(args):
    sock = make_socket(args.connect, args.tcp)
    source = payload_source(args.seed, bytes(range(256)))
    in_syn = 0
    if args.fastopen:
        # TCP Fast Open (RFC 7413): once the server's cookie is known, the first bytes ride in the SYN.
        first = source.read(min(1000, args.bytes))
        sock.sendto(first, socket.MSG_FASTOPEN, (args.connect, args.port))
        in_syn = len(first)
    else:
        sock.connect((args.connect, args.port))
    threads = schedule_events(args.event, time.monotonic())
    try:
        for round_number in range(args.rounds):
            send_payload(sock, source, args.bytes - (in_syn if round_number == 0 else 0), args.pause)
            if args.reply:
                receive_exactly(sock, args.reply)
        if args.hold:
            time.sleep(args.hold)
        for thread in threads:
            thread.join()
        if args.linger0:
            set_abortive_close(sock)
        else:
            sock.shutdown(socket.SHUT_WR)
            drain(sock)
    except OSError as error:
        print(f"client: {error}", file=sys.stderr)
    sock.close()


def client(args):
    for _ in range(args.count):
        run_client_connection(args)
        if args.gap:
            time.sleep(args.gap)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="role", required=True)
    srv = sub.add_parser("server")
    srv.add_argument("--bind", required=True)
    srv.add_argument("--stall", type=float, default=0.0, help="seconds to wait before reading")
    cli = sub.add_parser("client")
    cli.add_argument("--connect", required=True)
    cli.add_argument("--bytes", type=int, default=1_000_000, help="bytes sent per round")
    cli.add_argument("--rounds", type=int, default=1, help="send/reply rounds per connection")
    cli.add_argument("--hold", type=float, default=0.0, help="seconds to wait before closing")
    cli.add_argument("--pause", type=float, default=0.0, help="seconds to wait after each 16 KB")
    cli.add_argument("--gap", type=float, default=0.0, help="seconds between connections")
    cli.add_argument("--linger0", action="store_true", help="abortive close (MP_FASTCLOSE)")
    cli.add_argument("--event", action="append", default=[], metavar="SECONDS:COMMAND")
    for p in (srv, cli):
        p.add_argument("--port", type=int, default=5201)
        p.add_argument("--tcp", action="store_true", help="plain TCP socket instead of MPTCP")
        p.add_argument("--fastopen", action="store_true", help="TCP Fast Open: data in the SYN once a cookie is known")
        p.add_argument("--count", type=int, default=1, help="number of connections")
        p.add_argument("--reply", type=int, default=0, help="bytes the server answers with")
        p.add_argument("--request", type=int, default=0, help="bytes the server waits for first")
        p.add_argument("--seed", type=int, default=None,
                       help="pseudorandom payload (payload.py): the client sends seed S, the server replies S + 1")
    args = parser.parse_args()
    serve(args) if args.role == "server" else client(args)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        # make-traces.sh cuts off a stalled transfer with SIGINT; that is not an error.
        print("interrupted", file=sys.stderr)
        sys.exit(130)
