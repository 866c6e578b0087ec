package org.braid.filter;

/**
 * A test on one field value. Numbers and booleans come as {@code (0, value)}; addresses as their
 * 128-bit IPv6 form in two halves (IPv4 as {@code ::ffff:a.b.c.d}). Passing primitives keeps
 * filtering free of per-packet allocation.
 */
@FunctionalInterface
public interface ValueTest {
    boolean test(long high, long low);
}
