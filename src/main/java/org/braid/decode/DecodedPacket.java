package org.braid.decode;

/**
 * What {@link PacketDecoder} found in one frame: a reusable flyweight, reset by every decode.
 * All offsets are relative to the start of the frame (byte 0 is the first captured byte), so a
 * bytes pane can highlight them; {@link #bufferOffset()} turns them into buffer indices.
 * Unsigned wire values are widened (16-bit into int, 32-bit into long). Absent values are -1
 * where a number could be valid zero.
 */
public final class DecodedPacket {
    static final int MAX_WARNINGS = 16;
    static final int MAX_VLAN_TAGS = 8;
    static final int MAX_IPV6_EXTENSIONS = 8;
    /** A 40-byte option space cannot hold more than 40 options. */
    static final int MAX_TCP_OPTIONS = 40;
    /** A 40-byte option space holds at most 20 options of kind 30 (2 bytes each at the least). */
    static final int MAX_MPTCP_OPTIONS = 20;
    static final int MAX_SACK_BLOCKS = 4;
    /** Tunnel layers recorded around the inner packet; deeper nesting is a warning, not a recursion. */
    static final int MAX_TUNNEL_LAYERS = 8;

    /** TCP flag bits in {@link #tcpFlags()}. */
    public static final int TCP_FIN = 0x001;
    public static final int TCP_SYN = 0x002;
    public static final int TCP_RST = 0x004;
    public static final int TCP_PSH = 0x008;
    public static final int TCP_ACK = 0x010;
    public static final int TCP_URG = 0x020;
    public static final int TCP_ECE = 0x040;
    public static final int TCP_CWR = 0x080;
    public static final int TCP_AE = 0x100;

    /** TCP option kinds decoded into fields. */
    public static final int OPTION_EOL = 0;
    public static final int OPTION_NOP = 1;
    public static final int OPTION_MSS = 2;
    public static final int OPTION_WINDOW_SCALE = 3;
    public static final int OPTION_SACK_PERMITTED = 4;
    public static final int OPTION_SACK = 5;
    public static final int OPTION_TIMESTAMPS = 8;
    /** TCP Fast Open (RFC 7413): a cookie, or an empty request for one. */
    public static final int OPTION_FAST_OPEN = 34;
    public static final int OPTION_MPTCP = 30;

    // Frame and link layer
    int bufferOffset;
    int capturedLength;
    int originalLength;
    int linkType;
    int linkHeaderLength;
    /** The length of Apple's PKTAP header before the link header, 0 for other link types. */
    int pktapHeaderLength;
    int networkProtocol;
    final int[] vlanIds = new int[MAX_VLAN_TAGS];
    final int[] vlanTagOffsets = new int[MAX_VLAN_TAGS];
    int vlanCount;

    // Tunnels around the packet, outermost first; the IP, TCP and other fields describe the innermost packet
    final Encapsulation[] tunnelKinds = new Encapsulation[MAX_TUNNEL_LAYERS];
    final int[] tunnelOffsets = new int[MAX_TUNNEL_LAYERS];
    final int[] tunnelLengths = new int[MAX_TUNNEL_LAYERS];
    /** The layer's identifier: GTP-U TEID, VXLAN or Geneve VNI, GRE key, PPPoE session, MPLS label, ERSPAN session; -1 when none. */
    final long[] tunnelIds = new long[MAX_TUNNEL_LAYERS];
    int tunnelCount;

    // IP
    int ipOffset = -1;
    int ipVersion;
    int ipHeaderLength;
    /** Bytes the IP header says the datagram has, counted from ipOffset. */
    int ipDatagramLength;
    int ipProtocol = -1;
    int ipTtl;
    int ipTrafficClass;
    int ipv4Identification;
    int ipv4Checksum;
    int ipv6FlowLabel;
    boolean dontFragment;
    boolean moreFragments;
    int fragmentOffset;
    boolean fragment;
    int sourceIpv4;
    int destinationIpv4;
    long sourceHigh;
    long sourceLow;
    long destinationHigh;
    long destinationLow;
    final int[] extensionTypes = new int[MAX_IPV6_EXTENSIONS];
    final int[] extensionOffsets = new int[MAX_IPV6_EXTENSIONS];
    final int[] extensionLengths = new int[MAX_IPV6_EXTENSIONS];
    int extensionCount;

    // TCP
    int tcpOffset = -1;
    boolean hasTcp;
    int sourcePort;
    int destinationPort;
    long sequenceNumber;
    long acknowledgmentNumber;
    int tcpFlags;
    int window;
    int tcpHeaderLength;
    int tcpChecksum;
    int urgentPointer;
    int payloadOffset = -1;
    int payloadCapturedLength;
    int payloadWireLength;

    // TCP options
    final int[] optionKinds = new int[MAX_TCP_OPTIONS];
    final int[] optionOffsets = new int[MAX_TCP_OPTIONS];
    final int[] optionLengths = new int[MAX_TCP_OPTIONS];
    int optionCount;
    int mss = -1;
    int windowScale = -1;
    boolean sackPermitted;
    final long[] sackLeft = new long[MAX_SACK_BLOCKS];
    final long[] sackRight = new long[MAX_SACK_BLOCKS];
    int sackBlockCount;
    boolean hasTimestamps;
    long timestampValue;
    long timestampEchoReply;

    // Other protocols: reset by their offset, filled in only when present
    final UdpHeader udp = new UdpHeader();
    final IcmpHeader icmp = new IcmpHeader();
    final ArpPacket arp = new ArpPacket();

    // MPTCP
    /**
     * A packet decoded from an ICMP error's quote: an error quoted inside it does not open its own
     * quoted tunnel, so crafted nesting cannot recurse without end.
     */
    final boolean quote;
    /** Those below {@link #mptcpOptionCount} are set; later ones may be null ({@link #optionSlot}). */
    final MptcpOption[] mptcpOptions = new MptcpOption[MAX_MPTCP_OPTIONS];
    int mptcpOptionCount;

    // Warnings
    final WarningKind[] warningKinds = new WarningKind[MAX_WARNINGS];
    final int[] warningOffsets = new int[MAX_WARNINGS];
    final long[] warningDetails = new long[MAX_WARNINGS];
    int warningCount;
    int warningsDropped;
    /** Set with the warnings that say the capture cut the TCP header or an option in it. */
    boolean tcpHeaderCut;

    public DecodedPacket() {
        this(false);
    }

    /** A packet to decode an ICMP error's quote into, when {@code quote}: see {@link #quote}. */
    DecodedPacket(boolean quote) {
        this.quote = quote;
    }

    /**
     * The option object for the {@code i}-th MPTCP option, made on first use: almost every packet has
     * one MPTCP option or none, and twenty made up front were four fifths of a decoded packet's memory
     * (spreading a ring of reused packets, as reading ahead keeps, over many more cache lines and pages).
     */
    MptcpOption optionSlot(int i) {
        MptcpOption option = mptcpOptions[i];
        if (option == null) {
            option = new MptcpOption();
            mptcpOptions[i] = option;
        }
        return option;
    }

    void reset(int bufferOffset, int capturedLength, int originalLength, int linkType) {
        this.bufferOffset = bufferOffset;
        this.capturedLength = capturedLength;
        this.originalLength = originalLength;
        this.linkType = linkType;
        linkHeaderLength = 0;
        pktapHeaderLength = 0;
        networkProtocol = -1;
        vlanCount = 0;
        tunnelCount = 0;
        clearNetworkLayer();
        warningCount = 0;
        warningsDropped = 0;
        tcpHeaderCut = false;
    }

    /** Forgets the IP layer and everything above it: a tunnel's inner packet is decoded in its place. */
    void clearNetworkLayer() {
        ipOffset = -1;
        ipVersion = 0;
        ipHeaderLength = 0;
        ipDatagramLength = 0;
        ipProtocol = -1;
        ipTtl = 0;
        ipTrafficClass = 0;
        ipv4Identification = 0;
        ipv4Checksum = 0;
        ipv6FlowLabel = 0;
        dontFragment = false;
        moreFragments = false;
        fragmentOffset = 0;
        fragment = false;
        sourceIpv4 = 0;
        destinationIpv4 = 0;
        sourceHigh = 0;
        sourceLow = 0;
        destinationHigh = 0;
        destinationLow = 0;
        extensionCount = 0;
        tcpOffset = -1;
        hasTcp = false;
        sourcePort = 0;
        destinationPort = 0;
        sequenceNumber = 0;
        acknowledgmentNumber = 0;
        tcpFlags = 0;
        window = 0;
        tcpHeaderLength = 0;
        tcpChecksum = 0;
        urgentPointer = 0;
        payloadOffset = -1;
        payloadCapturedLength = 0;
        payloadWireLength = 0;
        optionCount = 0;
        mss = -1;
        windowScale = -1;
        sackPermitted = false;
        sackBlockCount = 0;
        hasTimestamps = false;
        timestampValue = 0;
        timestampEchoReply = 0;
        mptcpOptionCount = 0;
        udp.offset = -1;
        icmp.offset = -1;
        arp.offset = -1;
    }

    /** Records tunnel layer {@code kind}; false, with a warning, when there are too many to go deeper. */
    boolean addTunnel(Encapsulation kind, int frameOffset, int length, long id) {
        if (tunnelCount == MAX_TUNNEL_LAYERS) {
            warn(WarningKind.TOO_MANY_TUNNEL_LAYERS, frameOffset, MAX_TUNNEL_LAYERS);
            return false;
        }
        tunnelKinds[tunnelCount] = kind;
        tunnelOffsets[tunnelCount] = frameOffset;
        tunnelLengths[tunnelCount] = length;
        tunnelIds[tunnelCount] = id;
        tunnelCount++;
        return true;
    }

    /** Records a problem; beyond {@value #MAX_WARNINGS} only the count grows. */
    void warn(WarningKind kind, int frameOffset, long detail) {
        tcpHeaderCut |= kind == WarningKind.TCP_HEADER_TRUNCATED || kind == WarningKind.TCP_OPTION_TRUNCATED;
        if (warningCount == MAX_WARNINGS) {
            warningsDropped++;
            return;
        }
        warningKinds[warningCount] = kind;
        warningOffsets[warningCount] = frameOffset;
        warningDetails[warningCount] = detail;
        warningCount++;
    }

    // ---- Frame and link layer ----

    /** Index of the frame's first byte in the frame's buffer at decode time. */
    public int bufferOffset() { return bufferOffset; }
    public int capturedLength() { return capturedLength; }
    public int originalLength() { return originalLength; }
    public int linkType() { return linkType; }
    /** Length of the link-layer header including VLAN tags; the network layer starts here. */
    public int linkHeaderLength() { return linkHeaderLength; }
    /** Apple's PKTAP header length before the link header; 0 for other link types. */
    public int pktapHeaderLength() { return pktapHeaderLength; }
    /**
     * The link layer's protocol field as on the wire: an EtherType (Ethernet, after VLAN tags, and
     * Linux cooked), a PPP protocol number, or a loopback address family (in host order); -1 when
     * the link layer has none (raw IP) or was not decoded.
     */
    public int networkProtocol() { return networkProtocol; }
    public int vlanCount() { return vlanCount; }
    /** VLAN id of tag {@code i}, outermost first. */
    public int vlanId(int i) { return vlanIds[checkIndex(i, vlanCount)]; }
    public int vlanTagOffset(int i) { return vlanTagOffsets[checkIndex(i, vlanCount)]; }

    // ---- Tunnels ----

    /** Tunnel layers around the packet (0 for a packet sent as captured). */
    public int tunnelCount() { return tunnelCount; }
    /** Layer {@code i}, outermost first. */
    public Encapsulation tunnelKind(int i) { return tunnelKinds[checkIndex(i, tunnelCount)]; }
    public int tunnelOffset(int i) { return tunnelOffsets[checkIndex(i, tunnelCount)]; }
    public int tunnelLength(int i) { return tunnelLengths[checkIndex(i, tunnelCount)]; }
    /** See {@link #tunnelIds}: the TEID, VNI, key, session or label of layer {@code i}, -1 when it has none. */
    public long tunnelId(int i) { return tunnelIds[checkIndex(i, tunnelCount)]; }

    /** The first layer of {@code kind}, or -1. */
    public int tunnelIndex(Encapsulation kind) {
        for (int i = 0; i < tunnelCount; i++) {
            if (tunnelKinds[i] == kind) {
                return i;
            }
        }
        return -1;
    }

    // ---- IP ----

    public boolean hasIp() { return ipVersion != 0; }
    /** 4 or 6, 0 when there is no IP header. */
    public int ipVersion() { return ipVersion; }
    public int ipOffset() { return ipOffset; }
    /** IPv4 header length, or 40 for IPv6 (extension headers are listed separately). */
    public int ipHeaderLength() { return ipHeaderLength; }
    /** The datagram's length according to the IP header (IPv4 total length, IPv6 40 + payload length). */
    public int ipDatagramLength() { return ipDatagramLength; }
    /** Upper-layer protocol after any IPv6 extension headers; -1 without IP. */
    public int ipProtocol() { return ipProtocol; }
    /** IPv4 TTL or IPv6 hop limit. */
    public int ipTtl() { return ipTtl; }
    /** IPv4 TOS byte or IPv6 traffic class. */
    public int ipTrafficClass() { return ipTrafficClass; }
    public int ipv4Identification() { return ipv4Identification; }
    public int ipv4Checksum() { return ipv4Checksum; }
    public int ipv6FlowLabel() { return ipv6FlowLabel; }
    public boolean dontFragment() { return dontFragment; }
    public boolean moreFragments() { return moreFragments; }
    /** Fragment offset in bytes. */
    public int fragmentOffset() { return fragmentOffset; }
    /** True for any fragment (first, middle or last) of a fragmented datagram. */
    public boolean isFragment() { return fragment; }
    public int sourceIpv4() { return sourceIpv4; }
    public int destinationIpv4() { return destinationIpv4; }
    /** IPv6 source address, first 8 bytes; for IPv4 the two halves are 0. */
    public long sourceHigh() { return sourceHigh; }
    public long sourceLow() { return sourceLow; }
    public long destinationHigh() { return destinationHigh; }
    public long destinationLow() { return destinationLow; }
    public int extensionCount() { return extensionCount; }
    public int extensionType(int i) { return extensionTypes[checkIndex(i, extensionCount)]; }
    public int extensionOffset(int i) { return extensionOffsets[checkIndex(i, extensionCount)]; }
    public int extensionLength(int i) { return extensionLengths[checkIndex(i, extensionCount)]; }

    public void appendSource(StringBuilder out) {
        appendAddress(out, sourceIpv4, sourceHigh, sourceLow);
    }

    public void appendDestination(StringBuilder out) {
        appendAddress(out, destinationIpv4, destinationHigh, destinationLow);
    }

    /** Source address as text; allocates, so keep it off the hot path. Empty without IP. */
    public String sourceAddress() {
        StringBuilder out = new StringBuilder(39);
        appendSource(out);
        return out.toString();
    }

    public String destinationAddress() {
        StringBuilder out = new StringBuilder(39);
        appendDestination(out);
        return out.toString();
    }

    private void appendAddress(StringBuilder out, int v4, long high, long low) {
        if (ipVersion == 4) {
            IpText.appendIpv4(out, v4);
        } else if (ipVersion == 6) {
            IpText.appendIpv6(out, high, low);
        }
    }

    // ---- TCP ----

    public boolean hasTcp() { return hasTcp; }
    public int tcpOffset() { return tcpOffset; }
    public int sourcePort() { return sourcePort; }
    public int destinationPort() { return destinationPort; }
    public long sequenceNumber() { return sequenceNumber; }
    public long acknowledgmentNumber() { return acknowledgmentNumber; }
    /** The 9 flag bits, see the TCP_ constants. */
    public int tcpFlags() { return tcpFlags; }
    public boolean hasTcpFlag(int bit) { return (tcpFlags & bit) != 0; }
    /** The advertised window as on the wire, not scaled. */
    public int window() { return window; }
    public int tcpHeaderLength() { return tcpHeaderLength; }
    public int tcpChecksum() { return tcpChecksum; }
    public int urgentPointer() { return urgentPointer; }
    /** Where the TCP payload starts, relative to the frame; -1 without TCP. */
    public int payloadOffset() { return payloadOffset; }
    /** Where the TCP payload starts in the frame's buffer. */
    public int payloadBufferIndex() { return bufferOffset + payloadOffset; }
    /** Payload bytes present in the capture. */
    public int payloadCapturedLength() { return payloadCapturedLength; }
    /** Payload bytes on the wire, from the IP lengths; above the captured length after a snaplen cut. */
    public int payloadWireLength() { return payloadWireLength; }

    // ---- TCP options ----

    /** Every TCP option in header order, including NOP and EOL, as kind, offset and length. */
    public int tcpOptionCount() { return optionCount; }
    public int tcpOptionKind(int i) { return optionKinds[checkIndex(i, optionCount)]; }
    public int tcpOptionOffset(int i) { return optionOffsets[checkIndex(i, optionCount)]; }
    /** The option's length (1 for NOP and EOL; for a bad option, the bytes it occupies). */
    public int tcpOptionLength(int i) { return optionLengths[checkIndex(i, optionCount)]; }
    /** MSS value, -1 when absent. */
    public int mss() { return mss; }
    /** Window scale shift count, -1 when absent. */
    public int windowScale() { return windowScale; }
    public boolean sackPermitted() { return sackPermitted; }
    public int sackBlockCount() { return sackBlockCount; }
    public long sackLeftEdge(int i) { return sackLeft[checkIndex(i, sackBlockCount)]; }
    public long sackRightEdge(int i) { return sackRight[checkIndex(i, sackBlockCount)]; }
    public boolean hasTimestamps() { return hasTimestamps; }
    public long timestampValue() { return timestampValue; }
    public long timestampEchoReply() { return timestampEchoReply; }

    // ---- UDP, ICMP, ICMPv6, ARP ----

    public boolean hasUdp() { return udp.offset >= 0; }
    /** The UDP header; read it only when {@link #hasUdp()}. Reused by the next decode. */
    public UdpHeader udp() { return udp; }
    /** True for an ICMP or ICMPv6 message with its 8-byte header captured. */
    public boolean hasIcmp() { return icmp.offset >= 0; }
    public IcmpHeader icmp() { return icmp; }
    public boolean hasArp() { return arp.offset >= 0; }
    public ArpPacket arp() { return arp; }

    // ---- MPTCP ----

    public int mptcpOptionCount() { return mptcpOptionCount; }
    /** The i-th MPTCP option; the object is reused by the next decode. */
    public MptcpOption mptcpOption(int i) { return mptcpOptions[checkIndex(i, mptcpOptionCount)]; }

    /** The first MPTCP option of a subtype, or null. */
    public MptcpOption firstMptcpOption(MptcpSubtype subtype) {
        for (int i = 0; i < mptcpOptionCount; i++) {
            if (mptcpOptions[i].subtype == subtype) {
                return mptcpOptions[i];
            }
        }
        return null;
    }

    // ---- Warnings ----

    public int warningCount() { return warningCount; }
    /** Warnings beyond the {@value #MAX_WARNINGS} kept. */
    public int warningsDropped() { return warningsDropped; }
    /**
     * Whether the capture cut the TCP header or one of its options (so any MPTCP option there is
     * lost or partial, {@link MptcpOption#cut}): one flag set while decoding, even when the warning
     * itself is beyond the {@value #MAX_WARNINGS} kept, so the analysis need not search for it.
     */
    public boolean tcpHeaderCut() { return tcpHeaderCut; }
    public WarningKind warningKind(int i) { return warningKinds[checkIndex(i, warningCount)]; }
    public int warningOffset(int i) { return warningOffsets[checkIndex(i, warningCount)]; }
    public long warningDetail(int i) { return warningDetails[checkIndex(i, warningCount)]; }
    /** The i-th warning as a record (allocates; off the hot path). */
    public PacketWarning warning(int i) {
        checkIndex(i, warningCount);
        return new PacketWarning(warningKinds[i], warningOffsets[i], warningDetails[i]);
    }

    private static int checkIndex(int i, int count) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("index " + i + " of " + count);
        }
        return i;
    }
}
