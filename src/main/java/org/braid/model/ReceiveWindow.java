package org.braid.model;

/**
 * The shared receive window of a connection, per data direction.
 *
 * @param client the window the server advertised for the data the client sent
 * @param server the window the client advertised for the data the server sent
 */
public record ReceiveWindow(WindowStats client, WindowStats server) {}
