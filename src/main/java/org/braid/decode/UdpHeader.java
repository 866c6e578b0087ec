package org.braid.decode;

/** The UDP header of a {@link DecodedPacket}, reused by every decode; meaningful when {@link #present()}. */
public final class UdpHeader {
    static final int LENGTH = 8;

    int offset = -1;
    int sourcePort;
    int destinationPort;
    int length;
    int checksum;

    /** True when the packet carries a whole UDP header. */
    public boolean present() { return offset >= 0; }
    /** Where the header starts, relative to the frame. */
    public int offset() { return offset; }
    public int sourcePort() { return sourcePort; }
    public int destinationPort() { return destinationPort; }
    /** The length field: header and payload, in bytes. */
    public int length() { return length; }
    /** Payload bytes according to the length field (0 when the field is below the header's 8). */
    public int payloadLength() { return Math.max(0, length - LENGTH); }
    public int checksum() { return checksum; }
}
