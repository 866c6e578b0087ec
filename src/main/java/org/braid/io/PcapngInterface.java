package org.braid.io;

/** What a pcapng Interface Description Block declares, for the packets that refer to it. */
record PcapngInterface(int linkType, long snapLength, TimestampUnit unit, long offsetNanos) {
    long timestampNanos(long ticks) {
        return unit.toNanos(ticks) + offsetNanos;
    }
}
