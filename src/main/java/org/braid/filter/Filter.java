package org.braid.filter;

/** A compiled display filter. Implementations allocate nothing per packet. */
@FunctionalInterface
public interface Filter {
    /** The filter of an empty filter text. */
    Filter ALL = input -> true;

    boolean matches(FilterInput input);

    /**
     * False when every field the filter tests reads only the packet's number: it can then be given
     * {@link FilterInput#numberOnly} inputs, without the packets read or decoded.
     */
    default boolean needsDecode() {
        return true;
    }

    /** {@code filter}, saying it needs no decoded packet. */
    static Filter numbersOnly(Filter filter) {
        return new Filter() {
            @Override
            public boolean matches(FilterInput input) {
                return filter.matches(input);
            }

            @Override
            public boolean needsDecode() {
                return false;
            }
        };
    }
}
