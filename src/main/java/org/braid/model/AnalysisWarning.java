package org.braid.model;

import java.util.Locale;

/**
 * Something a script or a user should know about a trace: damage the reader found, a packet the
 * decoder could not read in full, or a finding of the analysis. It names the file, the 1-based
 * packet number (0 when not inside a packet) and the byte offset in the file (-1 when unknown).
 */
public record AnalysisWarning(Kind kind, String file, long packet, long offset, String message) {
    /** What the warning is about. */
    public enum Kind {
        /** The file is damaged: truncated, a bad block, a bad length. */
        TRACE_DAMAGE,
        /** A packet could not be decoded in full (malformed or cut by the snaplen). */
        PACKET_DAMAGE,
        /** The snaplen cut MPTCP options or payload, disabling analyses that need them. */
        SNAPLEN,
        /** The capture missed packets that the receiver acknowledged. */
        CAPTURE_LOSS,
        /** An MPTCP key changed within a connection. */
        KEY_CHANGE,
        /** An MP_JOIN or ADD_ADDR HMAC does not match the keys. */
        HMAC_MISMATCH,
        /** A limit of the analysis was reached; what follows is analysed in part. */
        LIMIT
    }

    /** The one-line form used in text, JSON and CSV: file, packet, offset, message. */
    @Override
    public String toString() {
        if (packet > 0 && offset >= 0) {
            return String.format(Locale.ROOT, "%s: packet %d at offset %d: %s", file, packet, offset, message);
        }
        if (packet > 0) {
            return String.format(Locale.ROOT, "%s: packet %d: %s", file, packet, message);
        }
        return offset >= 0 ? String.format(Locale.ROOT, "%s: offset %d: %s", file, offset, message)
                : file + ": " + message;
    }
}
