package org.braid.analysis;

/**
 * Which of two ports is the server's when the handshake is not in the trace: a well-known port
 * (below 1024) against any other, then a registered one (below 32768, where Linux's ephemeral range
 * starts) against an ephemeral one. Two ports of one class decide nothing.
 */
final class ServerPort {
    private static final int WELL_KNOWN_END = 1024;
    private static final int EPHEMERAL_START = 32768;

    private ServerPort() {}

    /**
     * Positive when {@code destination} is the server's port (the sender is the client), negative
     * when {@code source} is, 0 when the ports do not tell.
     */
    static int compare(int source, int destination) {
        int byClass = Integer.compare(portClass(source), portClass(destination));
        return byClass;
    }

    /** 0 well-known, 1 registered, 2 ephemeral: the lower class is the server's. */
    private static int portClass(int port) {
        return port < WELL_KNOWN_END ? 0 : port < EPHEMERAL_START ? 1 : 2;
    }
}
