package org.braid.decode;

import java.nio.ByteBuffer;

/**
 * Decodes one MPTCP option (TCP option kind 30) into a {@link MptcpOption} flyweight. Every field
 * is read only when it lies inside the option's length; a length that does not fit the subtype
 * marks the option malformed and adds a warning, but the option still counts under its subtype.
 */
final class MptcpOptionDecoder {
    private MptcpOptionDecoder() {}

    /**
     * @param at     buffer index of the option's kind byte
     * @param length   the option's length byte, already known to fit in the TCP header
     * @param captured how many of those bytes the capture kept: less than {@code length} when the
     *                 snaplen cut the option; the layout still follows {@code length}, but only
     *                 fields wholly inside the captured bytes are read
     * @param base     buffer index of the frame start, to turn indices into frame offsets
     */
    static void decode(ByteBuffer buf, int at, int length, int captured, int base, MptcpOption option,
                       DecodedPacket packet) {
        option.reset();
        option.offset = at - base;
        option.length = length;
        option.capturedLength = captured;
        if (length < 3) {
            option.malformed = true;
            packet.warn(WarningKind.MPTCP_NO_SUBTYPE, option.offset, length);
            return;
        }
        if (captured < 3) {
            return; // the capture kept no subtype byte: an MPTCP option of unknown subtype
        }
        int subtypeByte = buf.get(at + 2) & 0xff;
        option.rawSubtype = subtypeByte >>> 4;
        option.subtype = MptcpSubtype.of(option.rawSubtype);
        option.flags = subtypeByte & 0x0f;
        boolean wellFormed = switch (option.subtype) {
            case MP_CAPABLE -> capable(buf, at, length, option);
            case MP_JOIN -> join(buf, at, length, option);
            case DSS -> dss(buf, at, length, option);
            case ADD_ADDR -> addAddress(buf, at, length, option, packet);
            case REMOVE_ADDR -> removeAddress(buf, at, length, option);
            case MP_PRIO -> priority(buf, at, length, option);
            case MP_FAIL -> fail(buf, at, length, option);
            case MP_FASTCLOSE -> fastClose(buf, at, length, option);
            case MP_TCPRST -> reset(buf, at, length, option);
            case UNKNOWN -> true;
        };
        if (!wellFormed) {
            option.malformed = true;
            packet.warn(WarningKind.MPTCP_BAD_LENGTH, option.offset, ((long) option.rawSubtype << 32) | length);
        }
    }

    /** RFC 8684 3.1: length 4 (v1 SYN), 12 (sender key), 20 (both keys), 22 (+ data-level length), 24 (+ checksum). */
    private static boolean capable(ByteBuffer buf, int at, int length, MptcpOption o) {
        o.version = o.flags;
        if (length < 4) {
            o.flags = 0;
            return false;
        }
        o.flags = whole(o, 4) ? buf.get(at + 3) & 0xff : 0;
        if (length >= 12 && whole(o, 12)) {
            o.hasSenderKey = true;
            o.senderKey = buf.getLong(at + 4);
        }
        if (length >= 20 && whole(o, 20)) {
            o.hasReceiverKey = true;
            o.receiverKey = buf.getLong(at + 12);
        }
        if (length >= 22 && whole(o, 22)) {
            o.hasDataLevelLength = true;
            o.dataLevelLength = buf.getShort(at + 20) & 0xffff;
        }
        if (length >= 24 && whole(o, 24)) {
            o.hasChecksum = true;
            o.checksum = buf.getShort(at + 22) & 0xffff;
        }
        return length == 4 || length == 12 || length == 20 || length == 22 || length == 24;
    }

    /** RFC 8684 3.2: SYN (12), SYN/ACK (16) and third ACK (24) are told apart by length. */
    private static boolean join(ByteBuffer buf, int at, int length, MptcpOption o) {
        switch (length) {
            case 12 -> {
                o.joinStage = MptcpOption.JoinStage.SYN;
                o.backup = (o.flags & 0x1) != 0;
                readAddressId(buf, at, o);
                if (whole(o, 8)) {
                    o.hasReceiverToken = true;
                    o.receiverToken = buf.getInt(at + 4) & 0xffffffffL;
                }
                if (whole(o, 12)) {
                    o.hasSenderNonce = true;
                    o.senderNonce = buf.getInt(at + 8) & 0xffffffffL;
                }
                return true;
            }
            case 16 -> {
                o.joinStage = MptcpOption.JoinStage.SYN_ACK;
                o.backup = (o.flags & 0x1) != 0;
                readAddressId(buf, at, o);
                readHmac(buf, at, 4, 8, o);
                if (whole(o, 16)) {
                    o.hasSenderNonce = true;
                    o.senderNonce = buf.getInt(at + 12) & 0xffffffffL;
                }
                return true;
            }
            case 24 -> {
                o.joinStage = MptcpOption.JoinStage.ACK;
                readHmac(buf, at, 4, MptcpOption.FULL_HMAC_BYTES, o);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * RFC 8684 3.3: flags, then DATA_ACK (4 or 8), then the mapping: DSN (4 or 8), subflow sequence
     * number (4), data-level length (2) and a checksum (2) whose presence only the length reveals.
     */
    private static boolean dss(ByteBuffer buf, int at, int length, MptcpOption o) {
        if (length < 4) {
            o.flags = 0;
            return false;
        }
        if (!whole(o, 4)) {
            o.flags = 0;
            return true; // the capture kept no flags: nothing more can be read or judged
        }
        o.flags = buf.get(at + 3) & 0xff;
        int pos = at + 4;
        int end = at + length;
        if (o.hasFlag(MptcpOption.DSS_DATA_ACK)) {
            int size = o.hasFlag(MptcpOption.DSS_DATA_ACK_8_BYTES) ? 8 : 4;
            if (pos + size > end) {
                return false;
            }
            if (whole(o, pos - at + size)) {
                o.hasDataAck = true;
                o.dataAck = size == 8 ? buf.getLong(pos) : buf.getInt(pos) & 0xffffffffL;
            }
            pos += size;
        }
        if (o.hasFlag(MptcpOption.DSS_MAPPING)) {
            int size = o.hasFlag(MptcpOption.DSS_DSN_8_BYTES) ? 8 : 4;
            if (pos + size > end) {
                return false;
            }
            if (whole(o, pos - at + size)) {
                o.hasDataSequenceNumber = true;
                o.dataSequenceNumber = size == 8 ? buf.getLong(pos) : buf.getInt(pos) & 0xffffffffL;
            }
            pos += size;
            if (pos + 4 > end) {
                return false;
            }
            if (whole(o, pos - at + 4)) {
                o.hasSubflowSequenceNumber = true;
                o.subflowSequenceNumber = buf.getInt(pos) & 0xffffffffL;
            }
            pos += 4;
            if (pos + 2 > end) {
                return false;
            }
            if (whole(o, pos - at + 2)) {
                o.hasDataLevelLength = true;
                o.dataLevelLength = buf.getShort(pos) & 0xffff;
            }
            pos += 2;
            if (pos + 2 == end) {
                if (whole(o, pos - at + 2)) {
                    o.hasChecksum = true;
                    o.checksum = buf.getShort(pos) & 0xffff;
                }
                pos += 2;
            }
        }
        return pos == end;
    }

    /**
     * ADD_ADDR. RFC 6824 puts the IP version (4 or 6) in the low nibble and has no HMAC; RFC 8684
     * puts the echo bit there and lets the length say the family, port and HMAC. A v1 low nibble
     * holds only the echo bit, so 4 or 6 means the v0 layout.
     */
    private static boolean addAddress(ByteBuffer buf, int at, int length, MptcpOption o, DecodedPacket packet) {
        int nibble = o.flags;
        int addressBytes;
        boolean port;
        boolean hmac;
        if (nibble == 4 || nibble == 6) {
            o.addAddrV0 = true;
            switch (length) {
                case 8 -> { addressBytes = 4; port = false; }
                case 10 -> { addressBytes = 4; port = true; }
                case 20 -> { addressBytes = 16; port = false; }
                case 22 -> { addressBytes = 16; port = true; }
                default -> { return false; }
            }
            hmac = false;
            if ((nibble == 4) != (addressBytes == 4)) {
                packet.warn(WarningKind.MPTCP_ADD_ADDR_IPVER_MISMATCH, o.offset + 2, nibble);
                o.malformed = true;
            }
        } else {
            o.echo = (nibble & 0x1) != 0;
            switch (length) {
                case 8 -> { addressBytes = 4; port = false; hmac = false; }
                case 10 -> { addressBytes = 4; port = true; hmac = false; }
                case 16 -> { addressBytes = 4; port = false; hmac = true; }
                case 18 -> { addressBytes = 4; port = true; hmac = true; }
                case 20 -> { addressBytes = 16; port = false; hmac = false; }
                case 22 -> { addressBytes = 16; port = true; hmac = false; }
                case 28 -> { addressBytes = 16; port = false; hmac = true; }
                case 30 -> { addressBytes = 16; port = true; hmac = true; }
                default -> { return false; }
            }
        }
        readAddressId(buf, at, o);
        int pos = at + 4;
        if (!whole(o, 4 + addressBytes)) {
            return true; // the address was cut by the capture; what follows it is gone too
        }
        if (addressBytes == 4) {
            o.addressIpVersion = 4;
            o.address4 = buf.getInt(pos);
        } else {
            o.addressIpVersion = 6;
            o.address6High = buf.getLong(pos);
            o.address6Low = buf.getLong(pos + 8);
        }
        pos += addressBytes;
        if (port) {
            if (whole(o, pos - at + 2)) {
                o.hasPort = true;
                o.port = buf.getShort(pos) & 0xffff;
            }
            pos += 2;
        }
        if (hmac) {
            readHmac(buf, at, pos - at, 8, o);
        }
        return true;
    }

    /** RFC 8684 3.4.2: one address id per byte after the subtype byte. */
    private static boolean removeAddress(ByteBuffer buf, int at, int length, MptcpOption o) {
        int count = Math.min(Math.min(length, o.capturedLength) - 3, MptcpOption.MAX_REMOVED_IDS);
        for (int i = 0; i < count; i++) {
            o.removedIds[i] = buf.get(at + 3 + i) & 0xff;
        }
        o.removedIdCount = count;
        return length >= 4;
    }

    /** RFC 8684 3.3.8: backup bit, and an address id in RFC 6824 (length 4). */
    private static boolean priority(ByteBuffer buf, int at, int length, MptcpOption o) {
        o.backup = (o.flags & 0x1) != 0;
        if (length >= 4) {
            readAddressId(buf, at, o);
        }
        return length == 3 || length == 4;
    }

    /** RFC 8684 3.7: a reserved byte, then the 64-bit DSN where the checksum failed. */
    private static boolean fail(ByteBuffer buf, int at, int length, MptcpOption o) {
        if (length >= 12 && whole(o, 12)) {
            o.hasDataSequenceNumber = true;
            o.dataSequenceNumber = buf.getLong(at + 4);
        }
        return length == 12;
    }

    /** RFC 8684 3.5: a reserved byte, then the receiver's key. */
    private static boolean fastClose(ByteBuffer buf, int at, int length, MptcpOption o) {
        if (length >= 12 && whole(o, 12)) {
            o.hasReceiverKey = true;
            o.receiverKey = buf.getLong(at + 4);
        }
        return length == 12;
    }

    /** RFC 8684 3.6: flags U, V, W, T in the low nibble, then the reason code. */
    private static boolean reset(ByteBuffer buf, int at, int length, MptcpOption o) {
        if (length >= 4 && whole(o, 4)) {
            o.resetReason = buf.get(at + 3) & 0xff;
        }
        return length == 4;
    }

    private static void readAddressId(ByteBuffer buf, int at, MptcpOption o) {
        if (whole(o, 4)) {
            o.hasAddressId = true;
            o.addressId = buf.get(at + 3) & 0xff;
        }
    }

    /** Reads {@code count} HMAC bytes starting {@code start} bytes into the option at {@code at}. */
    private static void readHmac(ByteBuffer buf, int at, int start, int count, MptcpOption o) {
        if (!whole(o, start + count)) {
            return;
        }
        for (int i = 0; i < count; i++) {
            o.hmac[i] = buf.get(at + start + i);
        }
        o.hmacLength = count;
    }

    /** True when the option's first {@code end} bytes were captured, so a field ending there can be read. */
    private static boolean whole(MptcpOption o, int end) {
        return end <= o.capturedLength;
    }
}
