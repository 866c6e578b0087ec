package org.braid.stream;

import java.util.Locale;

/** How stream bytes are shown: as Wireshark's Follow Stream dialog offers them. */
public enum StreamFormat {
    /** Printable ASCII, other bytes as dots (newlines and tabs kept). */
    ASCII("ASCII"),
    /** Hex dump: stream position, 16 bytes in hex, the same as ASCII. */
    HEX("Hex dump"),
    /** One C array of bytes per chunk. */
    C_ARRAY("C array"),
    /** The bytes as hex digits, one line per chunk; the command line writes the bytes themselves. */
    RAW("Raw"),
    /** The bytes decoded as UTF-8 (a character split between chunks shows as a replacement character). */
    UTF8("UTF-8");

    private final String label;

    StreamFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The command-line name: ascii, hex, c-array, raw, utf8. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
