package org.braid.render;

import org.braid.decode.MptcpOption;

/** One-line descriptions of MPTCP options for people, such as {@code DSS ack=1 dsn=2 ssn=1 len=1448}. */
public final class MptcpOptionText {
    private MptcpOptionText() {}

    public static String describe(MptcpOption o) {
        StringBuilder out = new StringBuilder(64);
        append(out, o);
        return out.toString();
    }

    public static void append(StringBuilder out, MptcpOption o) {
        switch (o.subtype()) {
            case MP_CAPABLE -> capable(out, o);
            case MP_JOIN -> join(out, o);
            case DSS -> dss(out, o);
            case ADD_ADDR -> addAddress(out, o);
            case REMOVE_ADDR -> {
                out.append("REMOVE_ADDR id=");
                for (int i = 0; i < o.removedIdCount(); i++) {
                    out.append(i == 0 ? "" : ",").append(o.removedId(i));
                }
            }
            case MP_PRIO -> {
                out.append("MP_PRIO ").append(o.backup() ? "backup" : "nobackup");
                if (o.hasAddressId()) {
                    out.append(" id=").append(o.addressId());
                }
            }
            case MP_FAIL -> {
                out.append("MP_FAIL");
                if (o.hasDataSequenceNumber()) {
                    out.append(" dsn=").append(Long.toUnsignedString(o.dataSequenceNumber()));
                }
            }
            case MP_FASTCLOSE -> {
                out.append("MP_FASTCLOSE");
                if (o.hasReceiverKey()) {
                    out.append(" key=").append(hex(o.receiverKey(), 16));
                }
            }
            case MP_TCPRST -> reset(out, o);
            case UNKNOWN -> {
                out.append("MPTCP");
                if (o.rawSubtype() >= 0) {
                    out.append(" subtype ").append(o.rawSubtype());
                }
                out.append(" len=").append(o.length());
            }
        }
        if (o.malformed()) {
            out.append(" [malformed, length ").append(o.length()).append(']');
        }
        if (o.cut()) {
            out.append(" [cut by the capture: ").append(o.capturedLength()).append(" of ").append(o.length())
                    .append(" bytes]");
        }
    }

    private static void capable(StringBuilder out, MptcpOption o) {
        out.append("MP_CAPABLE v").append(o.version());
        if (o.capturedLength() >= 4) {
            out.append(" flags=");
            flagLetters(out, o.flags(), "ABCDEFGH");
        }
        if (o.hasSenderKey()) {
            out.append(" key=").append(hex(o.senderKey(), 16));
        }
        if (o.hasReceiverKey()) {
            out.append(" rkey=").append(hex(o.receiverKey(), 16));
        }
        if (o.hasDataLevelLength()) {
            out.append(" len=").append(o.dataLevelLength());
        }
        if (o.hasChecksum()) {
            out.append(" csum=").append(hex(o.checksum(), 4));
        }
    }

    private static void join(StringBuilder out, MptcpOption o) {
        out.append("MP_JOIN");
        switch (o.joinStage()) {
            case SYN -> out.append(" syn token=").append(hex(o.receiverToken(), 8))
                    .append(" nonce=").append(hex(o.senderNonce(), 8));
            case SYN_ACK -> out.append(" syn-ack hmac=").append(hex(o.truncatedHmac(), 16))
                    .append(" nonce=").append(hex(o.senderNonce(), 8));
            case ACK -> {
                out.append(" ack hmac=0x");
                for (int i = 0; i < o.hmacLength(); i++) {
                    hexByte(out, o.hmacByte(i));
                }
            }
            case UNKNOWN -> { }
        }
        if (o.hasAddressId()) {
            out.append(" id=").append(o.addressId());
        }
        if (o.backup()) {
            out.append(" backup");
        }
    }

    private static void dss(StringBuilder out, MptcpOption o) {
        out.append("DSS");
        if (o.hasDataAck()) {
            out.append(" ack=").append(Long.toUnsignedString(o.dataAck()));
        }
        if (o.hasDataSequenceNumber()) {
            out.append(" dsn=").append(Long.toUnsignedString(o.dataSequenceNumber()));
        }
        if (o.hasSubflowSequenceNumber()) {
            out.append(" ssn=").append(o.subflowSequenceNumber());
        }
        if (o.hasDataLevelLength()) {
            out.append(" len=").append(o.dataLevelLength());
        }
        if (o.hasChecksum()) {
            out.append(" csum=").append(hex(o.checksum(), 4));
        }
        if (o.dataFin()) {
            out.append(" DATA_FIN");
        }
    }

    private static void addAddress(StringBuilder out, MptcpOption o) {
        out.append("ADD_ADDR");
        if (o.addAddrV0()) {
            out.append(" v0");
        }
        if (o.hasAddressId()) {
            out.append(" id=").append(o.addressId());
        }
        if (o.addressIpVersion() != 0) {
            out.append(' ');
            boolean bracket = o.addressIpVersion() == 6 && o.hasPort();
            out.append(bracket ? "[" : "");
            o.appendAddress(out);
            out.append(bracket ? "]" : "");
            if (o.hasPort()) {
                out.append(':').append(o.port());
            }
        }
        if (o.echo()) {
            out.append(" echo");
        }
        if (o.hmacLength() > 0) {
            out.append(" hmac=").append(hex(o.truncatedHmac(), 16));
        }
    }

    private static void reset(StringBuilder out, MptcpOption o) {
        out.append("MP_TCPRST");
        if (o.resetReason() >= 0) {
            out.append(" reason=").append(MptcpOption.resetReasonName(o.resetReason()))
                    .append(" (").append(o.resetReason()).append(')');
        }
        out.append(" flags=");
        flagLetters(out, o.flags(), "UVWT");
    }

    /** Names the set bits, most significant first, with one letter per bit; "-" when none is set. */
    static void flagLetters(StringBuilder out, int flags, String letters) {
        int start = out.length();
        int bits = letters.length();
        for (int i = 0; i < bits; i++) {
            if ((flags & (1 << (bits - 1 - i))) != 0) {
                out.append(out.length() > start ? "," : "").append(letters.charAt(i));
            }
        }
        if (out.length() == start) {
            out.append('-');
        }
    }

    /** "0x" and {@code digits} hex digits, zero-padded. */
    static String hex(long value, int digits) {
        String text = Long.toHexString(value);
        StringBuilder out = new StringBuilder(digits + 2).append("0x");
        for (int i = text.length(); i < digits; i++) {
            out.append('0');
        }
        return out.append(text).toString();
    }

    static void hexByte(StringBuilder out, int b) {
        out.append(Character.forDigit((b >>> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
}
