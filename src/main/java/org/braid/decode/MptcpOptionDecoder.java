package org.braid.decode;

import static org.braid.decode.MptcpLayout.*;

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
        if (length < HEADER_LENGTH) {
            option.malformed = true;
            packet.warn(WarningKind.MPTCP_NO_SUBTYPE, option.offset, length);
            return;
        }
        if (captured < HEADER_LENGTH) {
            return; // the capture kept no subtype byte: an MPTCP option of unknown subtype
        }
        int subtypeByte = buf.get(at + SUBTYPE_OFFSET) & 0xff;
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
        if (length < CAPABLE_NO_KEY_LENGTH) {
            o.flags = 0;
            return false;
        }
        o.flags = whole(o, CAPABLE_FLAGS_OFFSET + 1) ? buf.get(at + CAPABLE_FLAGS_OFFSET) & 0xff : 0;
        if (present(o, length, CAPABLE_SENDER_KEY_LENGTH)) {
            o.hasSenderKey = true;
            o.senderKey = buf.getLong(at + CAPABLE_SENDER_KEY_OFFSET);
        }
        if (present(o, length, CAPABLE_BOTH_KEYS_LENGTH)) {
            o.hasReceiverKey = true;
            o.receiverKey = buf.getLong(at + CAPABLE_RECEIVER_KEY_OFFSET);
        }
        if (present(o, length, CAPABLE_DATA_LEVEL_LENGTH_LENGTH)) {
            o.hasDataLevelLength = true;
            o.dataLevelLength = buf.getShort(at + CAPABLE_DATA_LEVEL_LENGTH_OFFSET) & 0xffff;
        }
        if (present(o, length, CAPABLE_CHECKSUM_LENGTH)) {
            o.hasChecksum = true;
            o.checksum = buf.getShort(at + CAPABLE_CHECKSUM_OFFSET) & 0xffff;
        }
        return length == CAPABLE_NO_KEY_LENGTH || length == CAPABLE_SENDER_KEY_LENGTH
                || length == CAPABLE_BOTH_KEYS_LENGTH || length == CAPABLE_DATA_LEVEL_LENGTH_LENGTH
                || length == CAPABLE_CHECKSUM_LENGTH;
    }

    /** RFC 8684 3.2: SYN (12), SYN/ACK (16) and third ACK (24) are told apart by length. */
    private static boolean join(ByteBuffer buf, int at, int length, MptcpOption o) {
        switch (length) {
            case JOIN_SYN_LENGTH -> {
                o.joinStage = MptcpOption.JoinStage.SYN;
                o.backup = (o.flags & 0x1) != 0;
                readAddressId(buf, at, JOIN_ADDRESS_ID_OFFSET, o);
                if (whole(o, JOIN_SYN_TOKEN_OFFSET + TOKEN_LENGTH)) {
                    o.hasReceiverToken = true;
                    o.receiverToken = buf.getInt(at + JOIN_SYN_TOKEN_OFFSET) & 0xffffffffL;
                }
                if (whole(o, JOIN_SYN_NONCE_OFFSET + NONCE_LENGTH)) {
                    o.hasSenderNonce = true;
                    o.senderNonce = buf.getInt(at + JOIN_SYN_NONCE_OFFSET) & 0xffffffffL;
                }
                return true;
            }
            case JOIN_SYN_ACK_LENGTH -> {
                o.joinStage = MptcpOption.JoinStage.SYN_ACK;
                o.backup = (o.flags & 0x1) != 0;
                readAddressId(buf, at, JOIN_ADDRESS_ID_OFFSET, o);
                readHmac(buf, at, JOIN_SYN_ACK_HMAC_OFFSET, TRUNCATED_HMAC_LENGTH, o);
                if (whole(o, JOIN_SYN_ACK_NONCE_OFFSET + NONCE_LENGTH)) {
                    o.hasSenderNonce = true;
                    o.senderNonce = buf.getInt(at + JOIN_SYN_ACK_NONCE_OFFSET) & 0xffffffffL;
                }
                return true;
            }
            case JOIN_ACK_LENGTH -> {
                o.joinStage = MptcpOption.JoinStage.ACK;
                readHmac(buf, at, JOIN_ACK_HMAC_OFFSET, FULL_HMAC_LENGTH, o);
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
        if (length < DSS_FIELDS_OFFSET) {
            o.flags = 0;
            return false;
        }
        if (!whole(o, DSS_FLAGS_OFFSET + 1)) {
            o.flags = 0;
            return true; // the capture kept no flags: nothing more can be read or judged
        }
        o.flags = buf.get(at + DSS_FLAGS_OFFSET) & 0xff;
        int pos = at + DSS_FIELDS_OFFSET;
        int end = at + length;
        if (o.hasFlag(MptcpOption.DSS_DATA_ACK)) {
            int size = o.hasFlag(MptcpOption.DSS_DATA_ACK_8_BYTES) ? Long.BYTES : Integer.BYTES;
            if (pos + size > end) {
                return false;
            }
            if (whole(o, pos - at + size)) {
                o.hasDataAck = true;
                o.dataAck = size == Long.BYTES ? buf.getLong(pos) : buf.getInt(pos) & 0xffffffffL;
            }
            pos += size;
        }
        if (o.hasFlag(MptcpOption.DSS_MAPPING)) {
            int size = o.hasFlag(MptcpOption.DSS_DSN_8_BYTES) ? Long.BYTES : Integer.BYTES;
            if (pos + size > end) {
                return false;
            }
            if (whole(o, pos - at + size)) {
                o.hasDataSequenceNumber = true;
                o.dataSequenceNumber = size == Long.BYTES ? buf.getLong(pos) : buf.getInt(pos) & 0xffffffffL;
            }
            pos += size;
            if (pos + SUBFLOW_SEQUENCE_LENGTH > end) {
                return false;
            }
            if (whole(o, pos - at + SUBFLOW_SEQUENCE_LENGTH)) {
                o.hasSubflowSequenceNumber = true;
                o.subflowSequenceNumber = buf.getInt(pos) & 0xffffffffL;
            }
            pos += SUBFLOW_SEQUENCE_LENGTH;
            if (pos + DATA_LEVEL_LENGTH_LENGTH > end) {
                return false;
            }
            if (whole(o, pos - at + DATA_LEVEL_LENGTH_LENGTH)) {
                o.hasDataLevelLength = true;
                o.dataLevelLength = buf.getShort(pos) & 0xffff;
            }
            pos += DATA_LEVEL_LENGTH_LENGTH;
            if (pos + CHECKSUM_LENGTH == end) {
                if (whole(o, pos - at + CHECKSUM_LENGTH)) {
                    o.hasChecksum = true;
                    o.checksum = buf.getShort(pos) & 0xffff;
                }
                pos += CHECKSUM_LENGTH;
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
                case ADD_ADDR_V4 -> { addressBytes = IPV4_ADDRESS_LENGTH; port = false; }
                case ADD_ADDR_V4_PORT -> { addressBytes = IPV4_ADDRESS_LENGTH; port = true; }
                case ADD_ADDR_V6 -> { addressBytes = IPV6_ADDRESS_LENGTH; port = false; }
                case ADD_ADDR_V6_PORT -> { addressBytes = IPV6_ADDRESS_LENGTH; port = true; }
                default -> { return false; }
            }
            hmac = false;
            if ((nibble == 4) != (addressBytes == IPV4_ADDRESS_LENGTH)) {
                packet.warn(WarningKind.MPTCP_ADD_ADDR_IPVER_MISMATCH, o.offset + SUBTYPE_OFFSET, nibble);
                o.malformed = true;
            }
        } else {
            o.echo = (nibble & 0x1) != 0;
            switch (length) {
                case ADD_ADDR_V4 -> { addressBytes = IPV4_ADDRESS_LENGTH; port = false; hmac = false; }
                case ADD_ADDR_V4_PORT -> { addressBytes = IPV4_ADDRESS_LENGTH; port = true; hmac = false; }
                case ADD_ADDR_V4_HMAC -> { addressBytes = IPV4_ADDRESS_LENGTH; port = false; hmac = true; }
                case ADD_ADDR_V4_PORT_HMAC -> { addressBytes = IPV4_ADDRESS_LENGTH; port = true; hmac = true; }
                case ADD_ADDR_V6 -> { addressBytes = IPV6_ADDRESS_LENGTH; port = false; hmac = false; }
                case ADD_ADDR_V6_PORT -> { addressBytes = IPV6_ADDRESS_LENGTH; port = true; hmac = false; }
                case ADD_ADDR_V6_HMAC -> { addressBytes = IPV6_ADDRESS_LENGTH; port = false; hmac = true; }
                case ADD_ADDR_V6_PORT_HMAC -> { addressBytes = IPV6_ADDRESS_LENGTH; port = true; hmac = true; }
                default -> { return false; }
            }
        }
        readAddressId(buf, at, ADD_ADDR_ADDRESS_ID_OFFSET, o);
        int pos = at + ADD_ADDR_ADDRESS_OFFSET;
        if (!whole(o, ADD_ADDR_ADDRESS_OFFSET + addressBytes)) {
            return true; // the address was cut by the capture; what follows it is gone too
        }
        if (addressBytes == IPV4_ADDRESS_LENGTH) {
            o.addressIpVersion = 4;
            o.address4 = buf.getInt(pos);
        } else {
            o.addressIpVersion = 6;
            o.address6High = buf.getLong(pos);
            o.address6Low = buf.getLong(pos + 8);
        }
        pos += addressBytes;
        if (port) {
            if (whole(o, pos - at + PORT_LENGTH)) {
                o.hasPort = true;
                o.port = buf.getShort(pos) & 0xffff;
            }
            pos += PORT_LENGTH;
        }
        if (hmac) {
            readHmac(buf, at, pos - at, TRUNCATED_HMAC_LENGTH, o);
        }
        return true;
    }

    /** RFC 8684 3.4.2: one address id per byte after the subtype byte. */
    private static boolean removeAddress(ByteBuffer buf, int at, int length, MptcpOption o) {
        int count = Math.min(Math.min(length, o.capturedLength) - REMOVE_ADDR_IDS_OFFSET, MptcpOption.MAX_REMOVED_IDS);
        for (int i = 0; i < count; i++) {
            o.removedIds[i] = buf.get(at + REMOVE_ADDR_IDS_OFFSET + i) & 0xff;
        }
        o.removedIdCount = count;
        return length >= REMOVE_ADDR_MIN_LENGTH;
    }

    /** RFC 8684 3.3.8: backup bit, and an address id in RFC 6824 (length 4). */
    private static boolean priority(ByteBuffer buf, int at, int length, MptcpOption o) {
        o.backup = (o.flags & 0x1) != 0;
        if (length >= PRIO_V0_LENGTH) {
            readAddressId(buf, at, PRIO_ADDRESS_ID_OFFSET, o);
        }
        return length == PRIO_LENGTH || length == PRIO_V0_LENGTH;
    }

    /** RFC 8684 3.7: a reserved byte, then the 64-bit DSN where the checksum failed. */
    private static boolean fail(ByteBuffer buf, int at, int length, MptcpOption o) {
        if (present(o, length, FAIL_LENGTH)) {
            o.hasDataSequenceNumber = true;
            o.dataSequenceNumber = buf.getLong(at + FAIL_DSN_OFFSET);
        }
        return length == FAIL_LENGTH;
    }

    /** RFC 8684 3.5: a reserved byte, then the receiver's key. */
    private static boolean fastClose(ByteBuffer buf, int at, int length, MptcpOption o) {
        if (present(o, length, FASTCLOSE_LENGTH)) {
            o.hasReceiverKey = true;
            o.receiverKey = buf.getLong(at + FASTCLOSE_KEY_OFFSET);
        }
        return length == FASTCLOSE_LENGTH;
    }

    /** RFC 8684 3.6: flags U, V, W, T in the low nibble, then the reason code. */
    private static boolean reset(ByteBuffer buf, int at, int length, MptcpOption o) {
        if (present(o, length, TCPRST_LENGTH)) {
            o.resetReason = buf.get(at + TCPRST_REASON_OFFSET) & 0xff;
        }
        return length == TCPRST_LENGTH;
    }

    private static void readAddressId(ByteBuffer buf, int at, int offset, MptcpOption o) {
        if (whole(o, offset + ADDRESS_ID_LENGTH)) {
            o.hasAddressId = true;
            o.addressId = buf.get(at + offset) & 0xff;
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

    /** True when the option's length reaches {@code end} and those bytes were captured. */
    private static boolean present(MptcpOption o, int length, int end) {
        return length >= end && whole(o, end);
    }

    /** True when the option's first {@code end} bytes were captured, so a field ending there can be read. */
    private static boolean whole(MptcpOption o, int end) {
        return end <= o.capturedLength;
    }
}
