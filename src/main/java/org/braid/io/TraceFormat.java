package org.braid.io;

/** The container format of a trace file. */
public enum TraceFormat {
    PCAP("pcap"),
    PCAPNG("pcapng");

    private final String label;

    TraceFormat(String label) { this.label = label; }

    public String label() { return label; }
}
