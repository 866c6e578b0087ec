package org.braid.decode;

/**
 * One problem in one packet, at a byte offset relative to the start of the frame. Created on demand
 * by {@link DecodedPacket#warning(int)}; the hot path reads the primitive accessors instead.
 */
public record PacketWarning(WarningKind kind, int offset, long detail) {
    public String message() {
        return kind.message(detail);
    }

    /** The wording of {@code braid info} and the analysis warnings: "byte N of the packet: message". */
    public String located() {
        return "byte " + offset + " of the packet: " + message();
    }

    @Override
    public String toString() {
        return "at byte " + offset + ": " + message();
    }
}
