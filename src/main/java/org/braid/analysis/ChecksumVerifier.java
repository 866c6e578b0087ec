package org.braid.analysis;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.braid.decode.DecodedPacket;
import org.braid.model.ChecksumVerdict;
import org.braid.model.UnverifiedReason;

/**
 * Logs every distinct DSS mapping of each connection and, when checksums were negotiated (or,
 * without the handshake in the trace, when the options carry them), verifies each one once
 * (RFC 8684 3.3.1) without buffering it: every segment adds the bytes it brings at their offset
 * in the mapping, and the sum is checked when all are there. A mapping with bytes missing from
 * the capture, or whose DSN's upper half is unknown, is unverifiable, never failed.
 */
final class ChecksumVerifier implements PacketObserver {
    private final PacketColumns columns;
    private final CarriedMapping carried = new CarriedMapping();
    /** Open mappings per flow direction (index flow * 2 + direction), created on first need. */
    private final List<OpenMappings> open = new ArrayList<>();
    private long order;

    ChecksumVerifier(PacketColumns columns) {
        this.columns = columns;
    }

    @Override
    public void onPacket(PacketContext c) {
        ConnectionHistory history = c.connection.history;
        ChecksumUse negotiated = c.connection.checksum;
        if (carried.read(c)) {
            boolean first = !history.mappingSeen[c.side];
            history.mappingSeen[c.side] = true;
            history.dsnAnchored[c.side] |= carried.wideDsn || (first && c.connection.side(c.side).keyKnown);
            if (carried.length > 0 && history.mappings.find(c.flow.index, c.side, carried.dsn, carried.subflowSeq,
                    carried.length) == MappingLog.NOT_FOUND) {
                // Without the handshake in the trace, a checksum field in the option says they are in use.
                boolean verify = negotiated == ChecksumUse.UNKNOWN ? carried.hasChecksum
                        : negotiated == ChecksumUse.NEGOTIATED && (carried.hasChecksum || carried.cut);
                int row = history.mappings.add(c.flow.index, c.side, carried.dsn, carried.subflowSeq,
                        carried.length, c.frame.packetNumber(), verify);
                if (verify) {
                    openMapping(c, row);
                }
            }
        }
        if (c.packet.payloadWireLength() > 0 && c.relativeSeq != PacketContext.UNKNOWN) {
            feed(c);
        }
    }

    /** The capture ended: mappings still missing bytes are unverifiable. */
    void finish() {
        for (OpenMappings waiting : open) {
            if (waiting == null) {
                continue;
            }
            for (int k = 0; k < waiting.count(); k++) {
                OpenMapping m = waiting.get(k);
                m.miss(UnverifiedReason.BYTES_MISSING);
                close(waiting.connection, m, ChecksumVerdict.UNVERIFIABLE, m.firstPacketIndex);
            }
            waiting.clear();
        }
    }

    private void openMapping(PacketContext c, int row) {
        int key = c.flow.index * 2 + c.direction;
        while (open.size() <= key) {
            open.add(null);
        }
        OpenMappings waiting = open.get(key);
        if (waiting == null) {
            waiting = new OpenMappings(c.connection);
            open.set(key, waiting);
        }
        if (waiting.full()) {
            int oldest = waiting.oldest();
            OpenMapping m = waiting.get(oldest);
            m.miss(UnverifiedReason.BYTES_MISSING);
            close(c.connection, m, ChecksumVerdict.UNVERIFIABLE, m.firstPacketIndex);
            waiting.remove(oldest);
        }
        OpenMapping slot = waiting.take();
        slot.open(row, carried, c.packetIndex, order++);
        if (!c.connection.history.dsnAnchored[c.side]) {
            slot.miss(UnverifiedReason.DSN_UNKNOWN);
        }
        if (slot.complete()) { // a DATA_FIN alone: the pseudo-header is all there is
            settle(c, waiting, waiting.count() - 1);
        }
    }

    /** Gives the packet's payload bytes to every open mapping of its subflow direction that they overlap. */
    private void feed(PacketContext c) {
        int key = c.flow.index * 2 + c.direction;
        OpenMappings waiting = key < open.size() ? open.get(key) : null;
        if (waiting == null) {
            return;
        }
        DecodedPacket packet = c.packet;
        long seq = c.relativeSeq;
        int wire = packet.payloadWireLength();
        int captured = packet.payloadCapturedLength();
        ByteBuffer buffer = c.frame.buffer();
        for (int k = 0; k < waiting.count(); k++) {
            OpenMapping m = waiting.get(k);
            long intoMapping = (seq - m.subflowSeq) & 0xffffffffL;
            int from;
            int segmentFrom;
            if (intoMapping < m.dataBytes) {
                from = (int) intoMapping;
                segmentFrom = 0;
            } else {
                long intoSegment = (m.subflowSeq - seq) & 0xffffffffL;
                if (intoSegment >= wire) {
                    continue;
                }
                from = 0;
                segmentFrom = (int) intoSegment;
            }
            int to = (int) Math.min(m.dataBytes, (long) from + wire - segmentFrom);
            int capturedTo = from + Math.max(0, captured - segmentFrom);
            m.cover(from, to, buffer, packet.payloadBufferIndex() + segmentFrom, capturedTo);
            if (m.complete()) {
                settle(c, waiting, k);
                k--;
            }
        }
    }

    /** Gives the complete mapping in slot {@code k} its verdict on this packet, and frees the slot. */
    private void settle(PacketContext c, OpenMappings waiting, int k) {
        OpenMapping m = waiting.get(k);
        ChecksumVerdict verdict = m.missing != null ? ChecksumVerdict.UNVERIFIABLE
                : m.sumMatches() ? ChecksumVerdict.VERIFIED : ChecksumVerdict.FAILED;
        close(c.connection, m, verdict, c.packetIndex);
        if (verdict == ChecksumVerdict.FAILED) {
            recordFailure(c, m);
        }
        waiting.remove(k);
    }

    private void recordFailure(PacketContext c, OpenMapping m) {
        ConnectionHistory history = c.connection.history;
        history.failures.add(new ChecksumFailureLink(m.row, c.flow.index, c.frame.packetNumber()));
        FindingEvents.checksumFailed(c, m.subflowSeq, m.length, history.mappings.firstPacket(m.row));
    }

    /** Records the verdict with the checksum carried and, when every byte was there, the one computed. */
    private void close(ConnectionState connection, OpenMapping m, ChecksumVerdict verdict, int packetIndex) {
        boolean computed = verdict == ChecksumVerdict.VERIFIED || verdict == ChecksumVerdict.FAILED;
        connection.history.mappings.setVerdict(m.row, verdict, m.checksumCaptured ? m.checksum : MappingLog.NO_CHECKSUM,
                computed ? m.expectedChecksum() : MappingLog.NO_CHECKSUM, computed ? null : m.missing);
        columns.addFlags(packetIndex, switch (verdict) {
            case VERIFIED -> PacketColumns.CHECKSUM_VERIFIED;
            case FAILED -> PacketColumns.CHECKSUM_FAILED;
            default -> PacketColumns.CHECKSUM_UNVERIFIABLE;
        });
    }
}
