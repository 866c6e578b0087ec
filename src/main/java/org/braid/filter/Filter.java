package org.braid.filter;

/** A compiled display filter. Implementations allocate nothing per packet. */
@FunctionalInterface
public interface Filter {
    /** The filter of an empty filter text. */
    Filter ALL = input -> true;

    boolean matches(FilterInput input);
}
