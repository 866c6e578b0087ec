package org.braid.filter;

import org.braid.decode.DecodedPacket;
import org.braid.io.Frame;

/**
 * The packet a filter looks at: its frame, its decode, and its number (which analysis fields use
 * to find their per-packet columns). A reusable flyweight: {@link #set} it for each packet.
 */
public final class FilterInput {
    private Frame frame;
    private DecodedPacket packet;
    private long number;

    public FilterInput set(Frame frame, DecodedPacket packet) {
        this.frame = frame;
        this.packet = packet;
        this.number = frame.packetNumber();
        return this;
    }

    /** Packet number {@code packetNumber} alone, for a filter that does not {@link Filter#needsDecode}. */
    public FilterInput numberOnly(long packetNumber) {
        this.frame = null;
        this.packet = null;
        this.number = packetNumber;
        return this;
    }

    public Frame frame() { return frame; }
    public DecodedPacket packet() { return packet; }
    /** 1-based packet number in the trace. */
    public long packetNumber() { return number; }
}
