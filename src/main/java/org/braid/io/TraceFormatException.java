package org.braid.io;

import java.io.IOException;

/** A file that cannot be read as a trace at all (not pcap or pcapng, empty, bad header). */
public final class TraceFormatException extends IOException {
    private final String file;
    private final long offset;

    public TraceFormatException(String file, long offset, String message) {
        super(file + ": offset " + offset + ": " + message);
        this.file = file;
        this.offset = offset;
    }

    public String file() { return file; }
    public long offset() { return offset; }
}
