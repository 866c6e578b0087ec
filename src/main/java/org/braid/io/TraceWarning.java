package org.braid.io;

import java.util.Locale;

/**
 * Something wrong in a trace that did not stop the read: it names the file, the packet number
 * (0 when the damage is not inside a packet) and the byte offset where it was found.
 */
public record TraceWarning(String file, long packetNumber, long offset, String message) {
    @Override
    public String toString() {
        return packetNumber > 0
                ? String.format(Locale.ROOT, "%s: packet %d at offset %d: %s", file, packetNumber, offset, message)
                : String.format(Locale.ROOT, "%s: offset %d: %s", file, offset, message);
    }
}
