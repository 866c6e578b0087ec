package org.braid.stream;

import java.util.Locale;

/** Which bytes to show: what the client sent, what the server sent, or both interleaved in time order. */
public enum FollowDirection {
    CLIENT, SERVER, BOTH;

    public boolean includes(StreamSide side) {
        return this == BOTH || name().equals(side.name());
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
