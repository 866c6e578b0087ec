package org.braid.decode;

/**
 * Where each field of an MPTCP option lies, in bytes from the option's kind byte, and how long it
 * is (RFC 8684 section 3, RFC 6824 where they differ). The decoder reads by these and the details
 * tree points at them, so the two cannot drift apart.
 */
public final class MptcpLayout {
    // Every subtype: kind, length, then the subtype in the high nibble of the third byte.
    public static final int KIND_OFFSET = 0;
    public static final int LENGTH_OFFSET = 1;
    /** The subtype nibble, and the low nibble (version or flags) beside it. */
    public static final int SUBTYPE_OFFSET = 2;
    /** Kind, length and subtype: the shortest option that names its subtype. */
    public static final int HEADER_LENGTH = 3;

    public static final int KEY_LENGTH = 8;
    public static final int TOKEN_LENGTH = 4;
    public static final int NONCE_LENGTH = 4;
    public static final int TRUNCATED_HMAC_LENGTH = 8;
    public static final int FULL_HMAC_LENGTH = 20;
    public static final int ADDRESS_ID_LENGTH = 1;
    public static final int SUBFLOW_SEQUENCE_LENGTH = 4;
    public static final int DATA_LEVEL_LENGTH_LENGTH = 2;
    public static final int CHECKSUM_LENGTH = 2;
    public static final int PORT_LENGTH = 2;
    public static final int IPV4_ADDRESS_LENGTH = 4;
    public static final int IPV6_ADDRESS_LENGTH = 16;
    public static final int DSN_LENGTH = 8;

    // MP_CAPABLE (3.1): flags, then each field present only when the length reaches it.
    public static final int CAPABLE_FLAGS_OFFSET = 3;
    public static final int CAPABLE_SENDER_KEY_OFFSET = 4;
    public static final int CAPABLE_RECEIVER_KEY_OFFSET = CAPABLE_SENDER_KEY_OFFSET + KEY_LENGTH;
    public static final int CAPABLE_DATA_LEVEL_LENGTH_OFFSET = CAPABLE_RECEIVER_KEY_OFFSET + KEY_LENGTH;
    public static final int CAPABLE_CHECKSUM_OFFSET = CAPABLE_DATA_LEVEL_LENGTH_OFFSET + DATA_LEVEL_LENGTH_LENGTH;
    /** The v1 SYN: flags and no key. */
    public static final int CAPABLE_NO_KEY_LENGTH = CAPABLE_SENDER_KEY_OFFSET;
    public static final int CAPABLE_SENDER_KEY_LENGTH = CAPABLE_RECEIVER_KEY_OFFSET;
    public static final int CAPABLE_BOTH_KEYS_LENGTH = CAPABLE_DATA_LEVEL_LENGTH_OFFSET;
    public static final int CAPABLE_DATA_LEVEL_LENGTH_LENGTH = CAPABLE_CHECKSUM_OFFSET;
    public static final int CAPABLE_CHECKSUM_LENGTH = CAPABLE_CHECKSUM_OFFSET + CHECKSUM_LENGTH;

    // MP_JOIN (3.2): the address id, then by stage, told apart by the length.
    public static final int JOIN_ADDRESS_ID_OFFSET = 3;
    public static final int JOIN_SYN_TOKEN_OFFSET = 4;
    public static final int JOIN_SYN_NONCE_OFFSET = JOIN_SYN_TOKEN_OFFSET + TOKEN_LENGTH;
    public static final int JOIN_SYN_LENGTH = JOIN_SYN_NONCE_OFFSET + NONCE_LENGTH;
    public static final int JOIN_SYN_ACK_HMAC_OFFSET = 4;
    public static final int JOIN_SYN_ACK_NONCE_OFFSET = JOIN_SYN_ACK_HMAC_OFFSET + TRUNCATED_HMAC_LENGTH;
    public static final int JOIN_SYN_ACK_LENGTH = JOIN_SYN_ACK_NONCE_OFFSET + NONCE_LENGTH;
    public static final int JOIN_ACK_HMAC_OFFSET = 4;
    public static final int JOIN_ACK_LENGTH = JOIN_ACK_HMAC_OFFSET + FULL_HMAC_LENGTH;

    // DSS (3.3): flags, then DATA_ACK and the mapping, whose sizes the flags give.
    public static final int DSS_FLAGS_OFFSET = 3;
    public static final int DSS_FIELDS_OFFSET = 4;

    // ADD_ADDR (3.4.1): address id, address, then an optional port and (v1) truncated HMAC.
    public static final int ADD_ADDR_ADDRESS_ID_OFFSET = 3;
    public static final int ADD_ADDR_ADDRESS_OFFSET = 4;
    /** The lengths the RFCs allow, each naming what the option carries (RFC 6824 has no HMAC). */
    public static final int ADD_ADDR_V4 = ADD_ADDR_ADDRESS_OFFSET + IPV4_ADDRESS_LENGTH;
    public static final int ADD_ADDR_V4_PORT = ADD_ADDR_V4 + PORT_LENGTH;
    public static final int ADD_ADDR_V4_HMAC = ADD_ADDR_V4 + TRUNCATED_HMAC_LENGTH;
    public static final int ADD_ADDR_V4_PORT_HMAC = ADD_ADDR_V4_PORT + TRUNCATED_HMAC_LENGTH;
    public static final int ADD_ADDR_V6 = ADD_ADDR_ADDRESS_OFFSET + IPV6_ADDRESS_LENGTH;
    public static final int ADD_ADDR_V6_PORT = ADD_ADDR_V6 + PORT_LENGTH;
    public static final int ADD_ADDR_V6_HMAC = ADD_ADDR_V6 + TRUNCATED_HMAC_LENGTH;
    public static final int ADD_ADDR_V6_PORT_HMAC = ADD_ADDR_V6_PORT + TRUNCATED_HMAC_LENGTH;

    // REMOVE_ADDR (3.4.2): one address id per byte to the end of the option.
    public static final int REMOVE_ADDR_IDS_OFFSET = 3;
    public static final int REMOVE_ADDR_MIN_LENGTH = REMOVE_ADDR_IDS_OFFSET + ADDRESS_ID_LENGTH;

    // MP_PRIO (3.3.8): the backup bit in the subtype byte, and in RFC 6824 an address id.
    public static final int PRIO_ADDRESS_ID_OFFSET = 3;
    public static final int PRIO_LENGTH = HEADER_LENGTH;
    public static final int PRIO_V0_LENGTH = PRIO_ADDRESS_ID_OFFSET + ADDRESS_ID_LENGTH;

    // MP_FAIL (3.7) and MP_FASTCLOSE (3.5): a reserved byte, then 8 bytes.
    public static final int FAIL_DSN_OFFSET = 4;
    public static final int FAIL_LENGTH = FAIL_DSN_OFFSET + DSN_LENGTH;
    public static final int FASTCLOSE_KEY_OFFSET = 4;
    public static final int FASTCLOSE_LENGTH = FASTCLOSE_KEY_OFFSET + KEY_LENGTH;

    // MP_TCPRST (3.6): flags in the subtype byte, then the reason code.
    public static final int TCPRST_REASON_OFFSET = 3;
    public static final int TCPRST_LENGTH = TCPRST_REASON_OFFSET + 1;

    private MptcpLayout() {}
}
