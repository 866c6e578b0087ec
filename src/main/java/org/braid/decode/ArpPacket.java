package org.braid.decode;

/**
 * The ARP packet of a {@link DecodedPacket}, reused by every decode; meaningful when
 * {@link #present()}. The addresses are kept for the usual Ethernet and IPv4 form
 * ({@link #ethernetIpv4()}); other forms keep only the fixed fields.
 */
public final class ArpPacket {
    static final int FIXED = 8;
    public static final int ETHERNET_IPV4_LENGTH = 28;
    public static final int REQUEST = 1;
    public static final int REPLY = 2;

    int offset = -1;
    int hardwareType;
    int protocolType;
    int hardwareSize;
    int protocolSize;
    int opcode;
    boolean ethernetIpv4;
    long senderMac;
    int senderIpv4;
    long targetMac;
    int targetIpv4;
    /** The Ethernet frame's destination MAC, -1 on other link layers. */
    long linkDestination = -1;

    public boolean present() { return offset >= 0; }
    public int offset() { return offset; }
    public int hardwareType() { return hardwareType; }
    public int protocolType() { return protocolType; }
    public int hardwareSize() { return hardwareSize; }
    public int protocolSize() { return protocolSize; }
    public int opcode() { return opcode; }
    /** True for Ethernet hardware addresses and IPv4 protocol addresses, with all 28 bytes captured. */
    public boolean ethernetIpv4() { return ethernetIpv4; }
    public long senderMac() { return senderMac; }
    public int senderIpv4() { return senderIpv4; }
    public long targetMac() { return targetMac; }
    public int targetIpv4() { return targetIpv4; }
    public long linkDestination() { return linkDestination; }
}
