package org.braid.stream;

import java.util.Locale;

/** Who sent a byte: the connection's client (the end that opened it) or its server. */
public enum StreamSide {
    CLIENT, SERVER;

    public StreamSide other() {
        return this == CLIENT ? SERVER : CLIENT;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
