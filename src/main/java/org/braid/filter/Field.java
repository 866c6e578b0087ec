package org.braid.filter;

/** A named packet attribute a filter can test, with zero or more values per packet. */
public interface Field {
    FieldType type();

    /** True when one of the field's values in {@code input} passes {@code test}; false when it has none. */
    boolean anyMatch(FilterInput input, ValueTest test);

    /**
     * False when the field reads nothing but the packet's number (the analysis columns, the
     * findings), so that a filter of such fields needs no packet read or decoded.
     */
    default boolean needsDecode() {
        return true;
    }

    /** True when the packet has the field at all. */
    default boolean present(FilterInput input) {
        return anyMatch(input, (high, low) -> true);
    }
}
