package org.braid.analysis;

import org.braid.decode.DecodedPacket;
import org.braid.decode.MptcpOption;
import org.braid.io.Frame;

/**
 * What the core analysis knows of one packet of an MPTCP connection once it has placed it: flow,
 * direction, connection, expanded DATA_ACK and mapping, the DSN of its payload. One instance is
 * reused for every packet and handed to each {@link PacketObserver}; copy out what must outlive the call.
 */
final class PacketContext {
    static final long UNKNOWN = Long.MIN_VALUE;

    Frame frame;
    DecodedPacket packet;
    /** 0-based index of the packet in the trace, the row of the per-packet columns. */
    int packetIndex;
    long nanos;
    Flow flow;
    /** Flow direction: 0 from the flow's client. */
    int direction;
    ConnectionState connection;
    /** Data direction: 0 when the connection's client sent this packet. */
    int side;

    /** The packet's DSS option, or null. */
    MptcpOption dss;
    /** The DSS DATA_ACK expanded to 64 bits, or {@link #UNKNOWN}. */
    long dataAck;
    /** The DSS mapping's DSN expanded to 64 bits, or {@link #UNKNOWN} when the packet carries no mapping. */
    long mappingDsn;
    /** Subflow sequence number of the first payload byte relative to the ISN (first data byte = 1), or {@link #UNKNOWN}. */
    long relativeSeq;
    /** 64-bit DSN of the first payload byte, or {@link #UNKNOWN} when no mapping covers it. */
    long payloadDsn;
    /** 0-based index of the packet that carried the mapping of this packet's payload, or -1. */
    int mappingPacket;

    /** TCP payload length on the wire. */
    int payloadLength() {
        return packet.payloadWireLength();
    }

    void reset() {
        dss = null;
        dataAck = UNKNOWN;
        mappingDsn = UNKNOWN;
        relativeSeq = UNKNOWN;
        payloadDsn = UNKNOWN;
        mappingPacket = -1;
    }
}
