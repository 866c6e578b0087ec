package org.braid.render;

import java.util.Locale;
import org.braid.decode.MptcpOption;
import org.braid.decode.MptcpSubtype;

import static org.braid.render.MptcpOptionText.hex;

/**
 * The details-tree node of one MPTCP option, one child per field at its byte position. The
 * positions follow the layouts that {@code org.braid.decode.MptcpOptionDecoder} reads (RFC 8684 section 3).
 */
final class MptcpDetail {
    private MptcpDetail() {}

    static DetailNode node(MptcpOption o) {
        int at = o.offset();
        // A node spans only captured bytes, so the bytes pane never highlights past the capture.
        Branch b = new Branch("Multipath TCP: " + MptcpOptionText.describe(o), at, o.capturedLength());
        b.leaf("Kind: Multipath TCP (30)", at, 1);
        b.leaf("Length: " + o.length(), at + 1, 1);
        if (o.rawSubtype() < 0) {
            return b.node();
        }
        b.leaf("Subtype: " + (o.subtype() == MptcpSubtype.UNKNOWN ? "unknown" : o.subtype().name())
                + " (" + o.rawSubtype() + ")", at + 2, 1);
        switch (o.subtype()) {
            case MP_CAPABLE -> capable(b, o, at);
            case MP_JOIN -> join(b, o, at);
            case DSS -> dss(b, o, at);
            case ADD_ADDR -> addAddress(b, o, at);
            case REMOVE_ADDR -> {
                for (int i = 0; i < o.removedIdCount(); i++) {
                    b.leaf("Address id: " + o.removedId(i), at + 3 + i, 1);
                }
            }
            case MP_PRIO -> {
                b.leaf("Backup: " + o.backup(), at + 2, 1);
                if (o.hasAddressId()) {
                    b.leaf("Address id: " + o.addressId(), at + 3, 1);
                }
            }
            case MP_FAIL -> {
                if (o.hasDataSequenceNumber()) {
                    b.leaf("Data sequence number: " + Long.toUnsignedString(o.dataSequenceNumber()), at + 4, 8);
                }
            }
            case MP_FASTCLOSE -> {
                if (o.hasReceiverKey()) {
                    b.leaf("Receiver's key: " + hex(o.receiverKey(), 16), at + 4, 8);
                }
            }
            case MP_TCPRST -> {
                StringBuilder flags = new StringBuilder("Flags: ");
                MptcpOptionText.flagLetters(flags, o.flags(), "UVWT");
                b.leaf(flags.toString(), at + 2, 1);
                if (o.resetReason() >= 0) {
                    b.leaf("Reason: " + MptcpOption.resetReasonName(o.resetReason()) + " (" + o.resetReason() + ")",
                            at + 3, 1);
                }
            }
            case UNKNOWN -> b.leaf("Data: " + (o.length() - 3) + " bytes", at + 3, Math.max(0, o.capturedLength() - 3));
        }
        return b.node();
    }

    private static void capable(Branch b, MptcpOption o, int at) {
        b.leaf("Version: " + o.version(), at + 2, 1);
        if (o.capturedLength() < 4) {
            return;
        }
        StringBuilder flags = new StringBuilder(String.format(Locale.ROOT, "Flags: 0x%02x ", o.flags()));
        MptcpOptionText.flagLetters(flags, o.flags(), "ABCDEFGH");
        b.child(new Branch(flags.toString(), at + 3, 1)
                .leaf("A (checksum required): " + o.hasFlag(MptcpOption.CAPABLE_A_CHECKSUM), at + 3, 1)
                .leaf("B (extensibility): " + o.hasFlag(MptcpOption.CAPABLE_B_EXTENSIBILITY), at + 3, 1)
                .leaf("C (no more subflows to this address): " + o.hasFlag(MptcpOption.CAPABLE_C_NO_SOURCE_SUBFLOWS),
                        at + 3, 1)
                .leaf("H (HMAC-SHA" + (o.version() == 0 ? "1" : "256") + "): "
                        + o.hasFlag(MptcpOption.CAPABLE_H_HMAC_SHA), at + 3, 1));
        if (o.hasSenderKey()) {
            b.leaf("Sender's key: " + hex(o.senderKey(), 16), at + 4, 8);
        }
        if (o.hasReceiverKey()) {
            b.leaf("Receiver's key: " + hex(o.receiverKey(), 16), at + 12, 8);
        }
        if (o.hasDataLevelLength()) {
            b.leaf("Data-level length: " + o.dataLevelLength(), at + 20, 2);
        }
        if (o.hasChecksum()) {
            b.leaf("Checksum: " + hex(o.checksum(), 4), at + 22, 2);
        }
    }

    private static void join(Branch b, MptcpOption o, int at) {
        switch (o.joinStage()) {
            case SYN -> {
                b.leaf("Stage: SYN", at, o.capturedLength());
                b.leaf("Backup: " + o.backup(), at + 2, 1);
                addressId(b, o, at);
                if (o.hasReceiverToken()) {
                    b.leaf("Receiver's token: " + hex(o.receiverToken(), 8) + " (" + o.receiverToken() + ")", at + 4, 4);
                }
                nonce(b, o, at + 8);
            }
            case SYN_ACK -> {
                b.leaf("Stage: SYN/ACK", at, o.capturedLength());
                b.leaf("Backup: " + o.backup(), at + 2, 1);
                addressId(b, o, at);
                if (o.hmacLength() > 0) {
                    b.leaf("Sender's truncated HMAC: " + hex(o.truncatedHmac(), 16), at + 4, 8);
                }
                nonce(b, o, at + 12);
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
                b.leaf(hmac.toString(), at + 4, o.hmacLength());
            }
            case UNKNOWN -> b.leaf("Stage: unknown (length " + o.length() + ")", at, o.capturedLength());
        }
    }

    private static void addressId(Branch b, MptcpOption o, int at) {
        if (o.hasAddressId()) {
            b.leaf("Address id: " + o.addressId(), at + 3, 1);
        }
    }

    private static void nonce(Branch b, MptcpOption o, int position) {
        if (o.hasSenderNonce()) {
            b.leaf("Sender's nonce: " + hex(o.senderNonce(), 8), position, 4);
        }
    }

    private static void dss(Branch b, MptcpOption o, int at) {
        if (o.capturedLength() < 4) {
            return;
        }
        b.child(new Branch(String.format(Locale.ROOT, "Flags: 0x%02x", o.flags()), at + 3, 1)
                .leaf("F (DATA_FIN): " + o.hasFlag(MptcpOption.DSS_DATA_FIN), at + 3, 1)
                .leaf("m (DSN is 8 bytes): " + o.hasFlag(MptcpOption.DSS_DSN_8_BYTES), at + 3, 1)
                .leaf("M (mapping present): " + o.hasFlag(MptcpOption.DSS_MAPPING), at + 3, 1)
                .leaf("a (DATA_ACK is 8 bytes): " + o.hasFlag(MptcpOption.DSS_DATA_ACK_8_BYTES), at + 3, 1)
                .leaf("A (DATA_ACK present): " + o.hasFlag(MptcpOption.DSS_DATA_ACK), at + 3, 1));
        int pos = at + 4;
        if (o.hasDataAck()) {
            int size = o.dataAckIs8Bytes() ? 8 : 4;
            b.leaf("Data ACK (" + size + " bytes): " + Long.toUnsignedString(o.dataAck()), pos, size);
            pos += size;
        }
        if (o.hasDataSequenceNumber()) {
            int size = o.dsnIs8Bytes() ? 8 : 4;
            b.leaf("Data sequence number (" + size + " bytes): " + Long.toUnsignedString(o.dataSequenceNumber()),
                    pos, size);
            pos += size;
        }
        if (o.hasSubflowSequenceNumber()) {
            b.leaf("Subflow sequence number: " + o.subflowSequenceNumber(), pos, 4);
            pos += 4;
        }
        if (o.hasDataLevelLength()) {
            b.leaf("Data-level length: " + o.dataLevelLength()
                    + (o.dataLevelLength() == 0 ? " (infinite mapping)" : ""), pos, 2);
            pos += 2;
        }
        if (o.hasChecksum()) {
            b.leaf("Checksum: " + hex(o.checksum(), 4), pos, 2);
        }
    }

    private static void addAddress(Branch b, MptcpOption o, int at) {
        if (o.addAddrV0()) {
            b.leaf("IP version: " + o.flags() + " (RFC 6824 layout)", at + 2, 1);
        } else {
            b.leaf("Echo: " + o.echo(), at + 2, 1);
        }
        if (!o.hasAddressId() || o.addressIpVersion() == 0) {
            return; // cut by the capture before the address
        }
        b.leaf("Address id: " + o.addressId(), at + 3, 1);
        int addressBytes = o.addressIpVersion() == 4 ? 4 : 16;
        StringBuilder address = new StringBuilder("Address: ");
        o.appendAddress(address);
        b.leaf(address.toString(), at + 4, addressBytes);
        int pos = at + 4 + addressBytes;
        if (o.hasPort()) {
            b.leaf("Port: " + o.port(), pos, 2);
            pos += 2;
        }
        if (o.hmacLength() > 0) {
            b.leaf("Truncated HMAC: " + hex(o.truncatedHmac(), 16), pos, 8);
        }
    }
}
