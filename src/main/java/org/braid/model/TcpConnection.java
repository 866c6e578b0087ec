package org.braid.model;

/**
 * A TCP connection that is not part of MPTCP: plain TCP, or an MPTCP attempt refused at the handshake.
 *
 * @param flow          index of the TCP flow in the analysis
 * @param mptcpRefused  why MPTCP was not used although the SYN asked for it, or null for plain TCP
 * @param roles         what told the client from the server (inferred unless the SYN or SYN/ACK is in the trace)
 */
public record TcpConnection(int flow, Endpoint client, Endpoint server, Long handshakeRttNanos, long startNanos,
        long endNanos, long packets, long clientBytes, long serverBytes, EndReason end, String mptcpRefused,
        RoleBasis roles) {}
