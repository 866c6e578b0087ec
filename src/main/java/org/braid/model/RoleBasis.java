package org.braid.model;

import java.util.Locale;

/**
 * What told a flow's client (the end that opened it) from its server, strongest first. Without the
 * SYN or SYN/ACK in the trace the roles are inferred.
 */
public enum RoleBasis {
    /** The SYN or the SYN/ACK is in the trace. */
    HANDSHAKE,
    /** The first packet carried an option only a client sends after the handshake: MP_CAPABLE or an MP_JOIN ACK. */
    MPTCP_OPTION,
    /** A well-known or registered port against an ephemeral one: the former is the server's. */
    PORTS,
    /** Nothing else: the sender of the first packet seen is taken as the client. */
    FIRST_PACKET;

    public boolean inferred() {
        return this != HANDSHAKE;
    }

    /** The name in JSON and CSV. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
