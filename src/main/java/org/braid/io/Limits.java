package org.braid.io;

/** Sanity limits on lengths read from a file: anything larger means the field is garbage. */
final class Limits {
    /** Larger than any link MTU or TSO super-segment a capture can hold. */
    static final int MAX_FRAME = 256 * 1024;
    /** A pcapng block that must be read whole (SHB, IDB, packet blocks) is never near this big. */
    static final int MAX_READ_BLOCK = 16 * 1024 * 1024;

    private Limits() {}
}
