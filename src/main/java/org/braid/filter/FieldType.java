package org.braid.filter;

/** What a field's values are, which decides the literals and comparisons it accepts. */
public enum FieldType {
    /** Unsigned integers; every comparison. */
    NUMBER,
    /** 0 or 1; compared with integers or {@code true}/{@code false}. */
    BOOLEAN,
    /** IPv4 or IPv6 addresses as 128-bit values; only {@code ==} and {@code !=}. */
    ADDRESS,
    /** A name out of a fixed set ({@link NamedField}), quoted or bare; only {@code ==} and {@code !=}. */
    NAME,
    /** A protocol or marker that is present or not, with no value to compare. */
    PROTOCOL
}
