package org.braid.decode;

/** The LINKTYPE_ values the decoder understands (see tcpdump.org/linktypes.html). */
public final class LinkType {
    /** BSD loopback: a 4-byte address family in the capturing host's byte order. */
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    public static final int PPP = 9;
    /** Raw IP under the link-type numbers some systems used before 101 was assigned. */
    public static final int RAW_OLD_12 = 12;
    public static final int RAW_OLD_14 = 14;
    public static final int PPP_HDLC = 50;
    public static final int RAW = 101;
    /** OpenBSD loopback: like {@link #NULL} but the family is in network byte order. */
    public static final int LOOP = 108;
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    /** Apple's PKTAP: a header with the interface and the process, then a frame of the link type it names. */
    public static final int PKTAP = 258;
    public static final int LINUX_SLL2 = 276;

    private LinkType() {}

    /** The LINKTYPE of a DLT as Darwin numbers them (a PKTAP header carries one): 12 is raw IP there. */
    public static int ofDarwinDlt(int dlt) {
        return switch (dlt) {
            case 0 -> NULL;
            case 1 -> ETHERNET;
            case 9 -> PPP;
            case 12, 14 -> RAW;
            default -> dlt;
        };
    }

    /** A short name for people, such as "Ethernet" or "Linux cooked v2". */
    public static String name(int linkType) {
        return switch (linkType) {
            case NULL -> "BSD loopback";
            case ETHERNET -> "Ethernet";
            case PPP -> "PPP";
            case RAW_OLD_12, RAW_OLD_14, RAW -> "Raw IP";
            case PPP_HDLC -> "PPP in HDLC-like framing";
            case LOOP -> "OpenBSD loopback";
            case LINUX_SLL -> "Linux cooked";
            case IPV4 -> "Raw IPv4";
            case IPV6 -> "Raw IPv6";
            case PKTAP -> "Apple PKTAP";
            case LINUX_SLL2 -> "Linux cooked v2";
            default -> "link type " + linkType;
        };
    }
}
