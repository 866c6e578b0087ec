package org.braid.ui.charts;

/** Which data the charts of a connection show: one direction's, or both. */
public enum ChartDirection {
    CLIENT_TO_SERVER("client \u2192 server"),
    SERVER_TO_CLIENT("server \u2192 client"),
    BOTH("both directions");

    private final String label;

    ChartDirection(String label) {
        this.label = label;
    }

    /** True when data sent by {@code side} (0 the client, 1 the server) is charted. */
    public boolean charts(int side) {
        return this == BOTH || (this == CLIENT_TO_SERVER ? side == 0 : side == 1);
    }

    @Override
    public String toString() {
        return label;
    }
}
