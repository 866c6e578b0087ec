package org.braid.io;

/**
 * The tick length of a pcapng interface's timestamps, from its {@code if_tsresol} option:
 * 10^-n seconds, or 2^-n seconds when the option's top bit is set.
 */
final class TimestampUnit {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int MAX_DECIMAL_EXPONENT = 27; // 10^(27-9) is the largest power of ten in a long
    private static final int MAX_BINARY_EXPONENT = 63;
    /** The pcapng default when an interface has no {@code if_tsresol}. */
    static final TimestampUnit MICROSECONDS = new TimestampUnit(false, 6);

    private final boolean binary;
    private final int exponent;
    /** Decimal units: nanoseconds per tick for exponents up to 9, ticks per nanosecond above. */
    private final long factor;

    private TimestampUnit(boolean binary, int exponent) {
        this.binary = binary;
        this.exponent = exponent;
        this.factor = binary ? 0 : pow10(Math.abs(9 - exponent));
    }

    /** The unit for an {@code if_tsresol} byte, or null when no Java long can count its ticks. */
    static TimestampUnit fromResolution(int resolution) {
        boolean binary = (resolution & 0x80) != 0;
        int exponent = resolution & 0x7f;
        if (exponent > (binary ? MAX_BINARY_EXPONENT : MAX_DECIMAL_EXPONENT)) {
            return null;
        }
        return exponent == 6 && !binary ? MICROSECONDS : new TimestampUnit(binary, exponent);
    }

    /** Converts an unsigned 64-bit tick count since the epoch to nanoseconds since the epoch. */
    long toNanos(long ticks) {
        if (!binary) {
            return exponent <= 9 ? ticks * factor : Long.divideUnsigned(ticks, factor);
        }
        long seconds = ticks >>> exponent;
        long fraction = exponent == 0 ? 0 : ticks & (-1L >>> (64 - exponent));
        // Below 2^34 the product fits a long exactly; above, a double is finer than a nanosecond anyway.
        long fractionNanos = exponent <= 33
                ? (fraction * NANOS_PER_SECOND) >>> exponent
                : (long) (Math.scalb((double) fraction, -exponent) * NANOS_PER_SECOND);
        return seconds * NANOS_PER_SECOND + fractionNanos;
    }

    @Override
    public String toString() {
        return (binary ? "2^-" : "10^-") + exponent + " s";
    }

    private static long pow10(int n) {
        long value = 1;
        for (int i = 0; i < n; i++) {
            value *= 10;
        }
        return value;
    }
}
