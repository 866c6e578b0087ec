package org.braid.compare;

import java.util.Arrays;
import org.braid.decode.DecodedPacket;

/**
 * The per-packet TCP fields that matching needs, as primitive columns indexed like the
 * analysis's columns (packet number - 1): capture time, sequence and acknowledgment numbers,
 * payload length, source port, and a fingerprint of the fields a router leaves alone.
 */
final class PacketFields {
    /** Fingerprint of a packet without TCP: never matched. */
    static final long NO_FINGERPRINT = 0;

    private int size;
    private long[] time;
    private int[] sequence;
    private int[] acknowledgment;
    private int[] payload;
    private int[] sourcePort;
    private long[] fingerprint;

    PacketFields(int capacity) {
        int n = Math.max(16, capacity);
        time = new long[n];
        sequence = new int[n];
        acknowledgment = new int[n];
        payload = new int[n];
        sourcePort = new int[n];
        fingerprint = new long[n];
    }

    void add(long timeNanos, DecodedPacket packet) {
        if (size == time.length) {
            int n = size + (size >> 1);
            time = Arrays.copyOf(time, n);
            sequence = Arrays.copyOf(sequence, n);
            acknowledgment = Arrays.copyOf(acknowledgment, n);
            payload = Arrays.copyOf(payload, n);
            sourcePort = Arrays.copyOf(sourcePort, n);
            fingerprint = Arrays.copyOf(fingerprint, n);
        }
        time[size] = timeNanos;
        if (packet.hasTcp()) {
            sequence[size] = (int) packet.sequenceNumber();
            acknowledgment[size] = (int) packet.acknowledgmentNumber();
            payload[size] = packet.payloadWireLength();
            sourcePort[size] = packet.sourcePort();
            fingerprint[size] = fingerprint(packet);
        } else {
            sourcePort[size] = -1;
            fingerprint[size] = NO_FINGERPRINT;
        }
        size++;
    }

    /**
     * What identifies one transmission of a segment on both sides of a router or NAT: sequence and
     * acknowledgment numbers, length and flags, with the IPv4 ID and the TCP timestamp value that
     * tell a retransmission from its original. Addresses and ports are left out (NAT rewrites them).
     */
    static long fingerprint(DecodedPacket p) {
        long h = p.sequenceNumber() * 0x9E3779B97F4A7C15L;
        h = mix(h ^ p.acknowledgmentNumber());
        h = mix(h ^ ((long) p.payloadWireLength() << 16 | p.tcpFlags()));
        h = mix(h ^ (p.ipVersion() == 4 ? p.ipv4Identification() : -1));
        h = mix(h ^ (p.hasTimestamps() ? p.timestampValue() : -1));
        return h == NO_FINGERPRINT ? 1 : h;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    int size() { return size; }

    long time(int i) { return time[i]; }

    int sequence(int i) { return sequence[i]; }

    int acknowledgment(int i) { return acknowledgment[i]; }

    int payload(int i) { return payload[i]; }

    int sourcePort(int i) { return sourcePort[i]; }

    long fingerprint(int i) { return fingerprint[i]; }
}
