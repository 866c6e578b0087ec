package org.braid.model;

/** One end of a TCP connection: the address as text and the port. */
public record Endpoint(String address, int port) {
    /** {@code address:port}, with IPv6 addresses in brackets ({@code [addr]:port}) so the port stays readable. */
    @Override
    public String toString() {
        return address.indexOf(':') >= 0 ? "[" + address + "]:" + port : address + ":" + port;
    }
}
