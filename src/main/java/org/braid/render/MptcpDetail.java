package org.braid.render;

import static org.braid.decode.MptcpLayout.*;
import static org.braid.render.MptcpOptionText.hex;

import java.util.Locale;
import org.braid.decode.MptcpOption;
import org.braid.decode.MptcpSubtype;

/**
 * The details-tree node of one MPTCP option, one child per field at its byte position. The
 * positions are those of {@link org.braid.decode.MptcpLayout}, which the decoder reads by.
 */
final class MptcpDetail {
    private MptcpDetail() {}

    static DetailNode node(MptcpOption o) {
        int at = o.offset();
        // A node spans only captured bytes, so the bytes pane never highlights past the capture.
        Branch b = new Branch("Multipath TCP: " + MptcpOptionText.describe(o), at, o.capturedLength());
        b.leaf("Kind: Multipath TCP (30)", at + KIND_OFFSET, 1);
        b.leaf("Length: " + o.length(), at + LENGTH_OFFSET, 1);
        if (o.rawSubtype() < 0) {
            return b.node();
        }
        b.leaf("Subtype: " + (o.subtype() == MptcpSubtype.UNKNOWN ? "unknown" : o.subtype().name())
                + " (" + o.rawSubtype() + ")", at + SUBTYPE_OFFSET, 1);
        switch (o.subtype()) {
            case MP_CAPABLE -> capable(b, o, at);
            case MP_JOIN -> join(b, o, at);
            case DSS -> dss(b, o, at);
            case ADD_ADDR -> addAddress(b, o, at);
            case REMOVE_ADDR -> {
                for (int i = 0; i < o.removedIdCount(); i++) {
                    b.leaf("Address id: " + o.removedId(i), at + REMOVE_ADDR_IDS_OFFSET + i, ADDRESS_ID_LENGTH);
                }
            }
            case MP_PRIO -> {
                b.leaf("Backup: " + o.backup(), at + SUBTYPE_OFFSET, 1);
                if (o.hasAddressId()) {
                    b.leaf("Address id: " + o.addressId(), at + PRIO_ADDRESS_ID_OFFSET, ADDRESS_ID_LENGTH);
                }
            }
            case MP_FAIL -> {
                if (o.hasDataSequenceNumber()) {
                    b.leaf("Data sequence number: " + Long.toUnsignedString(o.dataSequenceNumber()), at + FAIL_DSN_OFFSET,
                            DSN_LENGTH);
                }
            }
            case MP_FASTCLOSE -> {
                if (o.hasReceiverKey()) {
                    b.leaf("Receiver's key: " + hex(o.receiverKey(), 16), at + FASTCLOSE_KEY_OFFSET, KEY_LENGTH);
                }
            }
            case MP_TCPRST -> {
                StringBuilder flags = new StringBuilder("Flags: ");
                MptcpOptionText.flagLetters(flags, o.flags(), "UVWT");
                b.leaf(flags.toString(), at + SUBTYPE_OFFSET, 1);
                if (o.resetReason() >= 0) {
                    b.leaf("Reason: " + MptcpOption.resetReasonName(o.resetReason()) + " (" + o.resetReason() + ")",
                            at + TCPRST_REASON_OFFSET, 1);
                }
            }
            case UNKNOWN -> b.leaf("Data: " + (o.length() - HEADER_LENGTH) + " bytes", at + HEADER_LENGTH,
                    Math.max(0, o.capturedLength() - HEADER_LENGTH));
        }
        return b.node();
    }

    private static void capable(Branch b, MptcpOption o, int at) {
        b.leaf("Version: " + o.version(), at + SUBTYPE_OFFSET, 1);
        int flagsAt = at + CAPABLE_FLAGS_OFFSET;
        if (o.capturedLength() <= CAPABLE_FLAGS_OFFSET) {
            return;
        }
        StringBuilder flags = new StringBuilder(String.format(Locale.ROOT, "Flags: 0x%02x ", o.flags()));
        MptcpOptionText.flagLetters(flags, o.flags(), "ABCDEFGH");
        b.child(new Branch(flags.toString(), flagsAt, 1)
                .leaf("A (checksum required): " + o.hasFlag(MptcpOption.CAPABLE_A_CHECKSUM), flagsAt, 1)
                .leaf("B (extensibility): " + o.hasFlag(MptcpOption.CAPABLE_B_EXTENSIBILITY), flagsAt, 1)
                .leaf("C (no more subflows to this address): " + o.hasFlag(MptcpOption.CAPABLE_C_NO_SOURCE_SUBFLOWS),
                        flagsAt, 1)
                .leaf("H (HMAC-SHA" + (o.version() == 0 ? "1" : "256") + "): "
                        + o.hasFlag(MptcpOption.CAPABLE_H_HMAC_SHA), flagsAt, 1));
        if (o.hasSenderKey()) {
            b.leaf("Sender's key: " + hex(o.senderKey(), 16), at + CAPABLE_SENDER_KEY_OFFSET, KEY_LENGTH);
        }
        if (o.hasReceiverKey()) {
            b.leaf("Receiver's key: " + hex(o.receiverKey(), 16), at + CAPABLE_RECEIVER_KEY_OFFSET, KEY_LENGTH);
        }
        if (o.hasDataLevelLength()) {
            b.leaf("Data-level length: " + o.dataLevelLength(), at + CAPABLE_DATA_LEVEL_LENGTH_OFFSET,
                    DATA_LEVEL_LENGTH_LENGTH);
        }
        if (o.hasChecksum()) {
            b.leaf("Checksum: " + hex(o.checksum(), 4), at + CAPABLE_CHECKSUM_OFFSET, CHECKSUM_LENGTH);
        }
    }

    private static void join(Branch b, MptcpOption o, int at) {
        switch (o.joinStage()) {
            case SYN -> {
                b.leaf("Stage: SYN", at, o.capturedLength());
                b.leaf("Backup: " + o.backup(), at + SUBTYPE_OFFSET, 1);
                addressId(b, o, at);
                if (o.hasReceiverToken()) {
                    b.leaf("Receiver's token: " + hex(o.receiverToken(), 8) + " (" + o.receiverToken() + ")",
                            at + JOIN_SYN_TOKEN_OFFSET, TOKEN_LENGTH);
                }
                nonce(b, o, at + JOIN_SYN_NONCE_OFFSET);
            }
            case SYN_ACK -> {
                b.leaf("Stage: SYN/ACK", at, o.capturedLength());
                b.leaf("Backup: " + o.backup(), at + SUBTYPE_OFFSET, 1);
                addressId(b, o, at);
                if (o.hmacLength() > 0) {
                    b.leaf("Sender's truncated HMAC: " + hex(o.truncatedHmac(), 16), at + JOIN_SYN_ACK_HMAC_OFFSET,
                            TRUNCATED_HMAC_LENGTH);
                }
                nonce(b, o, at + JOIN_SYN_ACK_NONCE_OFFSET);
            }
            case ACK -> {
                b.leaf("Stage: third ACK", at, o.capturedLength());
                if (o.hmacLength() == 0) {
                    return;
                }
                StringBuilder hmac = new StringBuilder("Sender's HMAC: 0x");
                for (int i = 0; i < o.hmacLength(); i++) {
                    MptcpOptionText.hexByte(hmac, o.hmacByte(i));
                }
                b.leaf(hmac.toString(), at + JOIN_ACK_HMAC_OFFSET, o.hmacLength());
            }
            case UNKNOWN -> b.leaf("Stage: unknown (length " + o.length() + ")", at, o.capturedLength());
        }
    }

    private static void addressId(Branch b, MptcpOption o, int at) {
        if (o.hasAddressId()) {
            b.leaf("Address id: " + o.addressId(), at + JOIN_ADDRESS_ID_OFFSET, ADDRESS_ID_LENGTH);
        }
    }

    private static void nonce(Branch b, MptcpOption o, int position) {
        if (o.hasSenderNonce()) {
            b.leaf("Sender's nonce: " + hex(o.senderNonce(), 8), position, NONCE_LENGTH);
        }
    }

    private static void dss(Branch b, MptcpOption o, int at) {
        if (o.capturedLength() <= DSS_FLAGS_OFFSET) {
            return;
        }
        int flagsAt = at + DSS_FLAGS_OFFSET;
        b.child(new Branch(String.format(Locale.ROOT, "Flags: 0x%02x", o.flags()), flagsAt, 1)
                .leaf("F (DATA_FIN): " + o.hasFlag(MptcpOption.DSS_DATA_FIN), flagsAt, 1)
                .leaf("m (DSN is 8 bytes): " + o.hasFlag(MptcpOption.DSS_DSN_8_BYTES), flagsAt, 1)
                .leaf("M (mapping present): " + o.hasFlag(MptcpOption.DSS_MAPPING), flagsAt, 1)
                .leaf("a (DATA_ACK is 8 bytes): " + o.hasFlag(MptcpOption.DSS_DATA_ACK_8_BYTES), flagsAt, 1)
                .leaf("A (DATA_ACK present): " + o.hasFlag(MptcpOption.DSS_DATA_ACK), flagsAt, 1));
        int pos = at + DSS_FIELDS_OFFSET;
        if (o.hasDataAck()) {
            int size = o.dataAckIs8Bytes() ? Long.BYTES : Integer.BYTES;
            b.leaf("Data ACK (" + size + " bytes): " + Long.toUnsignedString(o.dataAck()), pos, size);
            pos += size;
        }
        if (o.hasDataSequenceNumber()) {
            int size = o.dsnIs8Bytes() ? Long.BYTES : Integer.BYTES;
            b.leaf("Data sequence number (" + size + " bytes): " + Long.toUnsignedString(o.dataSequenceNumber()),
                    pos, size);
            pos += size;
        }
        if (o.hasSubflowSequenceNumber()) {
            b.leaf("Subflow sequence number: " + o.subflowSequenceNumber(), pos, SUBFLOW_SEQUENCE_LENGTH);
            pos += SUBFLOW_SEQUENCE_LENGTH;
        }
        if (o.hasDataLevelLength()) {
            b.leaf("Data-level length: " + o.dataLevelLength()
                    + (o.dataLevelLength() == 0 ? " (infinite mapping)" : ""), pos, DATA_LEVEL_LENGTH_LENGTH);
            pos += DATA_LEVEL_LENGTH_LENGTH;
        }
        if (o.hasChecksum()) {
            b.leaf("Checksum: " + hex(o.checksum(), 4), pos, CHECKSUM_LENGTH);
        }
    }

    private static void addAddress(Branch b, MptcpOption o, int at) {
        if (o.addAddrV0()) {
            b.leaf("IP version: " + o.flags() + " (RFC 6824 layout)", at + SUBTYPE_OFFSET, 1);
        } else {
            b.leaf("Echo: " + o.echo(), at + SUBTYPE_OFFSET, 1);
        }
        if (!o.hasAddressId() || o.addressIpVersion() == 0) {
            return; // cut by the capture before the address
        }
        b.leaf("Address id: " + o.addressId(), at + ADD_ADDR_ADDRESS_ID_OFFSET, ADDRESS_ID_LENGTH);
        int addressBytes = o.addressIpVersion() == 4 ? IPV4_ADDRESS_LENGTH : IPV6_ADDRESS_LENGTH;
        StringBuilder address = new StringBuilder("Address: ");
        o.appendAddress(address);
        b.leaf(address.toString(), at + ADD_ADDR_ADDRESS_OFFSET, addressBytes);
        int pos = at + ADD_ADDR_ADDRESS_OFFSET + addressBytes;
        if (o.hasPort()) {
            b.leaf("Port: " + o.port(), pos, PORT_LENGTH);
            pos += PORT_LENGTH;
        }
        if (o.hmacLength() > 0) {
            b.leaf("Truncated HMAC: " + hex(o.truncatedHmac(), 16), pos, TRUNCATED_HMAC_LENGTH);
        }
    }
}
