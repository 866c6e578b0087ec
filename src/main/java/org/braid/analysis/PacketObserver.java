package org.braid.analysis;

/**
 * One feature of the connection analysis (reinjections, the shared window, DSS checksums...), fed
 * every packet of an MPTCP connection after the core analysis has placed it. Observers keep their
 * own per-connection state and must not allocate for ordinary packets.
 */
interface PacketObserver {
    void onPacket(PacketContext context);
}
