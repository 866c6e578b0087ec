package org.braid.decode;

import java.nio.ByteBuffer;

/** Decodes a TCP header and its options into {@link DecodedPacket}. */
final class TcpDecoder {
    private static final int MIN_HEADER = 20;

    private TcpDecoder() {}

    /**
     * @param at          buffer index of the TCP header
     * @param capturedEnd buffer index just past the captured bytes of this segment
     * @param wireLength  the segment's length (header + payload) according to the IP header
     */
    static void decode(ByteBuffer buf, int base, int at, int capturedEnd, int wireLength, DecodedPacket p) {
        int offset = at - base;
        p.tcpOffset = offset;
        if (capturedEnd - at < MIN_HEADER) {
            p.warn(WarningKind.TCP_HEADER_TRUNCATED, offset, Math.max(0, capturedEnd - at));
            return;
        }
        p.hasTcp = true;
        p.sourcePort = buf.getShort(at) & 0xffff;
        p.destinationPort = buf.getShort(at + 2) & 0xffff;
        p.sequenceNumber = buf.getInt(at + 4) & 0xffffffffL;
        p.acknowledgmentNumber = buf.getInt(at + 8) & 0xffffffffL;
        int offsetAndFlags = buf.getShort(at + 12) & 0xffff;
        p.tcpFlags = offsetAndFlags & 0x1ff;
        p.window = buf.getShort(at + 14) & 0xffff;
        p.tcpChecksum = buf.getShort(at + 16) & 0xffff;
        p.urgentPointer = buf.getShort(at + 18) & 0xffff;
        int headerLength = (offsetAndFlags >>> 12) * 4;
        p.tcpHeaderLength = headerLength;
        if (headerLength < MIN_HEADER) {
            p.warn(WarningKind.TCP_BAD_DATA_OFFSET, offset + 12, headerLength);
            headerLength = MIN_HEADER;
        } else if (headerLength > wireLength) {
            p.warn(WarningKind.TCP_HEADER_EXCEEDS_IP, offset + 12, headerLength);
        }
        int headerEnd = at + headerLength;
        if (headerEnd > capturedEnd) {
            p.warn(WarningKind.TCP_HEADER_TRUNCATED, offset, capturedEnd - at);
        }
        decodeOptions(buf, base, at + MIN_HEADER, Math.min(headerEnd, capturedEnd), headerEnd, p);
        p.payloadOffset = Math.min(headerEnd, capturedEnd) - base;
        p.payloadCapturedLength = Math.max(0, capturedEnd - headerEnd);
        p.payloadWireLength = Math.max(0, wireLength - headerLength);
    }

    /**
     * Walks the options between {@code from} and {@code end} (the captured part of the header);
     * {@code headerEnd} is where the header claims to end, to tell a cut option from a bad one.
     */
    private static void decodeOptions(ByteBuffer buf, int base, int from, int end, int headerEnd, DecodedPacket p) {
        int pos = from;
        while (pos < end) {
            int kind = buf.get(pos) & 0xff;
            if (kind == DecodedPacket.OPTION_EOL || kind == DecodedPacket.OPTION_NOP) {
                if (!addOption(p, kind, pos - base, 1)) {
                    return;
                }
                pos++;
                if (kind == DecodedPacket.OPTION_EOL) {
                    return;
                }
                continue;
            }
            if (pos + 1 >= end) {
                if (end < headerEnd) {
                    p.warn(WarningKind.TCP_OPTION_TRUNCATED, pos - base, end - pos);
                } else {
                    p.warn(WarningKind.TCP_OPTION_NO_LENGTH, pos - base, kind);
                }
                addOption(p, kind, pos - base, end - pos);
                return;
            }
            int length = buf.get(pos + 1) & 0xff;
            if (length < 2 || pos + length > headerEnd) {
                p.warn(WarningKind.TCP_OPTION_BAD_LENGTH, pos + 1 - base, length);
                addOption(p, kind, pos - base, end - pos);
                return;
            }
            if (pos + length > end) {
                p.warn(WarningKind.TCP_OPTION_TRUNCATED, pos - base, end - pos);
                if (addOption(p, kind, pos - base, end - pos) && kind == DecodedPacket.OPTION_MPTCP) {
                    // A snaplen cut keeps the subtype and the leading fields: still an MPTCP option.
                    decodeMptcp(buf, base, pos, length, end - pos, p);
                }
                return;
            }
            if (!addOption(p, kind, pos - base, length)) {
                return;
            }
            decodeOption(buf, base, pos, kind, length, p);
            pos += length;
        }
    }

    private static boolean addOption(DecodedPacket p, int kind, int offset, int length) {
        int i = p.optionCount;
        if (i == DecodedPacket.MAX_TCP_OPTIONS) {
            p.warn(WarningKind.TCP_TOO_MANY_OPTIONS, offset, DecodedPacket.MAX_TCP_OPTIONS);
            return false;
        }
        p.optionKinds[i] = kind;
        p.optionOffsets[i] = offset;
        p.optionLengths[i] = length;
        p.optionCount = i + 1;
        return true;
    }

    private static void decodeOption(ByteBuffer buf, int base, int at, int kind, int length, DecodedPacket p) {
        switch (kind) {
            case DecodedPacket.OPTION_MSS -> {
                if (expectLength(p, at - base, length, length == 4)) {
                    p.mss = buf.getShort(at + 2) & 0xffff;
                }
            }
            case DecodedPacket.OPTION_WINDOW_SCALE -> {
                if (expectLength(p, at - base, length, length == 3)) {
                    p.windowScale = buf.get(at + 2) & 0xff;
                }
            }
            case DecodedPacket.OPTION_SACK_PERMITTED -> {
                if (expectLength(p, at - base, length, length == 2)) {
                    p.sackPermitted = true;
                }
            }
            case DecodedPacket.OPTION_SACK -> {
                if (expectLength(p, at - base, length, (length - 2) % 8 == 0 && length > 2)) {
                    int blocks = Math.min((length - 2) / 8, DecodedPacket.MAX_SACK_BLOCKS);
                    for (int b = 0; b < blocks; b++) {
                        p.sackLeft[b] = buf.getInt(at + 2 + 8 * b) & 0xffffffffL;
                        p.sackRight[b] = buf.getInt(at + 6 + 8 * b) & 0xffffffffL;
                    }
                    p.sackBlockCount = blocks;
                }
            }
            case DecodedPacket.OPTION_TIMESTAMPS -> {
                if (expectLength(p, at - base, length, length == 10)) {
                    p.hasTimestamps = true;
                    p.timestampValue = buf.getInt(at + 2) & 0xffffffffL;
                    p.timestampEchoReply = buf.getInt(at + 6) & 0xffffffffL;
                }
            }
            case DecodedPacket.OPTION_MPTCP -> decodeMptcp(buf, base, at, length, length, p);
            default -> { }
        }
    }

    private static void decodeMptcp(ByteBuffer buf, int base, int at, int length, int captured, DecodedPacket p) {
        int i = p.mptcpOptionCount;
        if (i == DecodedPacket.MAX_MPTCP_OPTIONS) {
            p.warn(WarningKind.MPTCP_TOO_MANY_OPTIONS, at - base, DecodedPacket.MAX_MPTCP_OPTIONS);
            return;
        }
        MptcpOptionDecoder.decode(buf, at, length, captured, base, p.optionSlot(i), p);
        p.mptcpOptionCount = i + 1;
    }

    private static boolean expectLength(DecodedPacket p, int offset, int length, boolean ok) {
        if (!ok) {
            p.warn(WarningKind.TCP_OPTION_KNOWN_KIND_BAD_LENGTH, offset + 1, length);
        }
        return ok;
    }
}
