package org.braid.ui.packets;

import java.util.Arrays;
import org.braid.decode.DecodedPacket;
import org.braid.render.TcpNumbering;

/**
 * The first sequence number seen in each direction of each TCP flow, so the packet list can show
 * sequence and acknowledgment numbers relative to them, as Wireshark does by default. Filled in
 * the load pass (a few primitive arrays indexed by flow, nothing per packet), then read-only; a
 * live capture's snapshots take a {@link #copy()}.
 */
public final class TcpSequenceBases {
    private static final int UNKNOWN = 0;

    /** Per flow: who sent its first packet (see {@link #sender}), and the base of each direction. */
    private long[] firstSender = new long[64];
    private long[] base = new long[128];
    /** Per flow: bit 0 set once direction 0 (the first sender's) has a base, bit 1 for direction 1. */
    private byte[] known = new byte[64];

    /** Notes packet {@code packet} of flow {@code flow} (-1 for a packet without TCP). */
    public void add(int flow, DecodedPacket packet) {
        if (flow < 0 || !packet.hasTcp()) {
            return;
        }
        if (flow >= known.length) {
            int capacity = Math.max(flow + 1, known.length * 2);
            firstSender = Arrays.copyOf(firstSender, capacity);
            base = Arrays.copyOf(base, capacity * 2);
            known = Arrays.copyOf(known, capacity);
        }
        long sender = sender(packet);
        if (known[flow] == UNKNOWN) {
            firstSender[flow] = sender;
        }
        int direction = sender == firstSender[flow] ? 0 : 1;
        if ((known[flow] & (1 << direction)) == 0) {
            known[flow] |= (byte) (1 << direction);
            base[flow * 2 + direction] = packet.sequenceNumber();
        }
    }

    /** {@code seq} relative to the base of the direction {@code packet} was sent in; as is when unknown. */
    public long relativeSequence(int flow, DecodedPacket packet, long seq) {
        return relative(flow, direction(flow, packet), seq);
    }

    /** {@code ack} relative to the base of the opposite direction, which it acknowledges; as is when unknown. */
    public long relativeAcknowledgment(int flow, DecodedPacket packet, long ack) {
        int direction = direction(flow, packet);
        return direction < 0 ? ack : relative(flow, 1 - direction, ack);
    }

    /** The relative numbers of {@code packet} of {@code flow}, where the bases are known, for its details tree. */
    public TcpNumbering numbering(int flow, DecodedPacket packet) {
        int direction = direction(flow, packet);
        return new TcpNumbering() {
            @Override
            public long sequence(long seq) {
                return knows(flow, direction) ? relative(flow, direction, seq) : UNKNOWN;
            }

            @Override
            public long acknowledgment(long ack) {
                return direction >= 0 && knows(flow, 1 - direction) ? relative(flow, 1 - direction, ack) : UNKNOWN;
            }
        };
    }

    private boolean knows(int flow, int direction) {
        return direction >= 0 && (known[flow] & (1 << direction)) != 0;
    }

    public TcpSequenceBases copy() {
        TcpSequenceBases copy = new TcpSequenceBases();
        copy.firstSender = firstSender.clone();
        copy.base = base.clone();
        copy.known = known.clone();
        return copy;
    }

    private int direction(int flow, DecodedPacket packet) {
        if (flow < 0 || flow >= known.length || known[flow] == UNKNOWN) {
            return -1;
        }
        return sender(packet) == firstSender[flow] ? 0 : 1;
    }

    private long relative(int flow, int direction, long value) {
        if (direction < 0 || (known[flow] & (1 << direction)) == 0) {
            return value;
        }
        return (value - base[flow * 2 + direction]) & 0xffffffffL;
    }

    /** The sending endpoint folded into a long; the two ends of one flow never fold alike. */
    private static long sender(DecodedPacket p) {
        return ((long) p.sourcePort() << 48) ^ (p.sourceIpv4() & 0xffffffffL) ^ p.sourceHigh() * 31 ^ p.sourceLow();
    }
}
