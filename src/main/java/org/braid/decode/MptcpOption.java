package org.braid.decode;

/**
 * One MPTCP option (TCP option kind 30) as a reusable flyweight: {@link MptcpOptionDecoder}
 * overwrites it for each packet. Fields that a subtype does not carry keep their reset values;
 * the {@code has...} accessors say which fields were present. Offsets are relative to the frame.
 *
 * <p>Several subtypes share a field where RFC 8684 gives it the same meaning: {@link #addressId()}
 * (MP_JOIN, ADD_ADDR, MP_PRIO), {@link #receiverKey()} (MP_CAPABLE, MP_FASTCLOSE),
 * {@link #dataSequenceNumber()} (DSS, MP_FAIL), {@link #dataLevelLength()} and
 * {@link #checksum()} (MP_CAPABLE, DSS), {@link #backup()} (MP_JOIN, MP_PRIO).
 */
public final class MptcpOption {
    /** MP_CAPABLE flag bits (RFC 8684 3.1). */
    public static final int CAPABLE_A_CHECKSUM = 0x80;
    public static final int CAPABLE_B_EXTENSIBILITY = 0x40;
    public static final int CAPABLE_C_NO_SOURCE_SUBFLOWS = 0x20;
    public static final int CAPABLE_H_HMAC_SHA = 0x01;

    /** DSS flag bits (RFC 8684 3.3). */
    public static final int DSS_DATA_FIN = 0x10;
    public static final int DSS_DSN_8_BYTES = 0x08;
    public static final int DSS_MAPPING = 0x04;
    public static final int DSS_DATA_ACK_8_BYTES = 0x02;
    public static final int DSS_DATA_ACK = 0x01;

    /** MP_TCPRST flag bits (RFC 8684 3.6). */
    public static final int RST_U = 0x8;
    public static final int RST_V = 0x4;
    public static final int RST_W = 0x2;
    public static final int RST_T = 0x1;

    /** The three MP_JOIN forms, told apart by their length (12, 16, 24). */
    public enum JoinStage { SYN, SYN_ACK, ACK, UNKNOWN }

    /** Enough for any option: a TCP option holds at most 40 - 3 = 37 address ids. */
    static final int MAX_REMOVED_IDS = 37;
    static final int FULL_HMAC_BYTES = MptcpLayout.FULL_HMAC_LENGTH;

    MptcpSubtype subtype = MptcpSubtype.UNKNOWN;
    int rawSubtype;
    int offset;
    int length;
    int capturedLength;
    boolean malformed;

    int version;
    int flags;
    boolean hasSenderKey;
    long senderKey;
    boolean hasReceiverKey;
    long receiverKey;
    boolean hasDataLevelLength;
    int dataLevelLength;
    boolean hasChecksum;
    int checksum;

    JoinStage joinStage = JoinStage.UNKNOWN;
    boolean backup;
    boolean hasAddressId;
    int addressId;
    boolean hasReceiverToken;
    long receiverToken;
    boolean hasSenderNonce;
    long senderNonce;
    final byte[] hmac = new byte[FULL_HMAC_BYTES];
    int hmacLength;

    boolean hasDataAck;
    long dataAck;
    boolean hasDataSequenceNumber;
    long dataSequenceNumber;
    boolean hasSubflowSequenceNumber;
    long subflowSequenceNumber;

    boolean addAddrV0;
    boolean echo;
    int addressIpVersion;
    int address4;
    long address6High;
    long address6Low;
    boolean hasPort;
    int port;

    final int[] removedIds = new int[MAX_REMOVED_IDS];
    int removedIdCount;

    int resetReason = -1;

    void reset() {
        subtype = MptcpSubtype.UNKNOWN;
        rawSubtype = -1;
        offset = 0;
        length = 0;
        capturedLength = 0;
        malformed = false;
        version = -1;
        flags = 0;
        hasSenderKey = false;
        senderKey = 0;
        hasReceiverKey = false;
        receiverKey = 0;
        hasDataLevelLength = false;
        dataLevelLength = 0;
        hasChecksum = false;
        checksum = 0;
        joinStage = JoinStage.UNKNOWN;
        backup = false;
        hasAddressId = false;
        addressId = 0;
        hasReceiverToken = false;
        receiverToken = 0;
        hasSenderNonce = false;
        senderNonce = 0;
        hmacLength = 0;
        hasDataAck = false;
        dataAck = 0;
        hasDataSequenceNumber = false;
        dataSequenceNumber = 0;
        hasSubflowSequenceNumber = false;
        subflowSequenceNumber = 0;
        addAddrV0 = false;
        echo = false;
        addressIpVersion = 0;
        address4 = 0;
        address6High = 0;
        address6Low = 0;
        hasPort = false;
        port = 0;
        removedIdCount = 0;
        resetReason = -1;
    }

    public MptcpSubtype subtype() { return subtype; }
    /** The 4-bit subtype as on the wire, or -1 when the option was too short to hold it. */
    public int rawSubtype() { return rawSubtype; }
    /** Offset of the option's kind byte, relative to the frame start. */
    public int offset() { return offset; }
    /** The option's length byte. */
    public int length() { return length; }
    /** True when the length did not fit the subtype; a warning says why. Fields not covered stay unset. */
    public boolean malformed() { return malformed; }
    /** Bytes of the option the capture kept; below {@link #length()} when the snaplen cut it. */
    public int capturedLength() { return capturedLength; }
    /** True when the snaplen cut the option: fields past the cut read as absent, not as damage. */
    public boolean cut() { return capturedLength < length; }

    /** MP_CAPABLE version (0 for RFC 6824, 1 for RFC 8684); -1 for other subtypes. */
    public int version() { return version; }
    /**
     * The subtype's flag bits: MP_CAPABLE flags A..H or DSS flags (the byte after the subtype byte),
     * MP_TCPRST U/V/W/T, and for other subtypes the low nibble of the subtype byte.
     */
    public int flags() { return flags; }
    public boolean hasFlag(int bit) { return (flags & bit) != 0; }

    public boolean hasSenderKey() { return hasSenderKey; }
    public long senderKey() { return senderKey; }
    public boolean hasReceiverKey() { return hasReceiverKey; }
    /** MP_CAPABLE receiver key, or MP_FASTCLOSE's key of the receiver. */
    public long receiverKey() { return receiverKey; }
    public boolean hasDataLevelLength() { return hasDataLevelLength; }
    public int dataLevelLength() { return dataLevelLength; }
    public boolean hasChecksum() { return hasChecksum; }
    public int checksum() { return checksum; }

    public JoinStage joinStage() { return joinStage; }
    public boolean backup() { return backup; }
    public boolean hasAddressId() { return hasAddressId; }
    public int addressId() { return addressId; }
    public boolean hasReceiverToken() { return hasReceiverToken; }
    public long receiverToken() { return receiverToken; }
    public boolean hasSenderNonce() { return hasSenderNonce; }
    public long senderNonce() { return senderNonce; }

    /** 0 when absent, 8 for a truncated HMAC (MP_JOIN SYN/ACK, ADD_ADDR), 20 for MP_JOIN's third ACK. */
    public int hmacLength() { return hmacLength; }
    public int hmacByte(int i) {
        if (i < 0 || i >= hmacLength) {
            throw new IndexOutOfBoundsException("HMAC byte " + i + " of " + hmacLength);
        }
        return hmac[i] & 0xff;
    }
    /** The first 8 HMAC bytes as a big-endian number (the whole truncated HMAC); 0 when absent. */
    public long truncatedHmac() {
        long value = 0;
        for (int i = 0; i < Math.min(8, hmacLength); i++) {
            value = (value << 8) | (hmac[i] & 0xff);
        }
        return value;
    }

    public boolean hasDataAck() { return hasDataAck; }
    /** DATA_ACK as an unsigned value of 4 or 8 bytes (see {@link #dataAckIs8Bytes()}). */
    public long dataAck() { return dataAck; }
    public boolean dataAckIs8Bytes() { return hasFlag(DSS_DATA_ACK_8_BYTES); }
    public boolean hasDataSequenceNumber() { return hasDataSequenceNumber; }
    /** DSS data sequence number (4 or 8 bytes, see {@link #dsnIs8Bytes()}) or MP_FAIL's 64-bit DSN. */
    public long dataSequenceNumber() { return dataSequenceNumber; }
    public boolean dsnIs8Bytes() {
        return subtype == MptcpSubtype.MP_FAIL || hasFlag(DSS_DSN_8_BYTES);
    }
    public boolean hasSubflowSequenceNumber() { return hasSubflowSequenceNumber; }
    /** DSS subflow sequence number, relative to the subflow's initial sequence number. */
    public long subflowSequenceNumber() { return subflowSequenceNumber; }
    public boolean dataFin() { return subtype == MptcpSubtype.DSS && hasFlag(DSS_DATA_FIN); }

    /** True when ADD_ADDR used the RFC 6824 layout (IP version nibble, no HMAC). */
    public boolean addAddrV0() { return addAddrV0; }
    public boolean echo() { return echo; }
    /** ADD_ADDR address family: 4, 6, or 0 when the length fits neither. */
    public int addressIpVersion() { return addressIpVersion; }
    public int address4() { return address4; }
    public long address6High() { return address6High; }
    public long address6Low() { return address6Low; }
    public boolean hasPort() { return hasPort; }
    public int port() { return port; }
    public void appendAddress(StringBuilder out) {
        if (addressIpVersion == 4) {
            IpText.appendIpv4(out, address4);
        } else if (addressIpVersion == 6) {
            IpText.appendIpv6(out, address6High, address6Low);
        }
    }

    public int removedIdCount() { return removedIdCount; }
    public int removedId(int i) {
        if (i < 0 || i >= removedIdCount) {
            throw new IndexOutOfBoundsException("removed id " + i + " of " + removedIdCount);
        }
        return removedIds[i];
    }

    /** MP_TCPRST reason code, or -1 for other subtypes. */
    public int resetReason() { return resetReason; }

    /** RFC 8684 3.6 names of the MP_TCPRST reason codes. */
    public static String resetReasonName(int code) {
        return switch (code) {
            case 0 -> "unspecified error";
            case 1 -> "MPTCP-specific error";
            case 2 -> "lack of resources";
            case 3 -> "administratively prohibited";
            case 4 -> "too much outstanding data";
            case 5 -> "unacceptable performance";
            case 6 -> "middlebox interference";
            default -> "unknown reason";
        };
    }
}
