package org.braid.filter;

import java.util.List;

/** A field whose values are names out of a fixed set, tested as their codes (no text per packet). */
public interface NamedField extends Field {
    /** Every name, in code order. */
    List<String> names();

    /** The code of {@code name}, or -1 when it is not one of {@link #names()}. */
    default int code(String name) {
        return names().indexOf(name);
    }
}
