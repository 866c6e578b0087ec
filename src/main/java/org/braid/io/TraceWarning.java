package org.braid.io;

/**
 * Something wrong in a trace that did not stop the read: it names the file, the packet number
 * (0 when the damage is not inside a packet) and the byte offset where it was found.
 */
public record TraceWarning(String file, long packetNumber, long offset, String message) {
    @Override
    public String toString() {
        return packetNumber > 0
                ? String.format("%s: packet %d at offset %d: %s", file, packetNumber, offset, message)
                : String.format("%s: offset %d: %s", file, offset, message);
    }
}
