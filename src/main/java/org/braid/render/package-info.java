/**
 * A decoded packet as text for people: the one-line info column ({@link org.braid.render.PacketText}),
 * each MPTCP option in words ({@link org.braid.render.MptcpOptionText}) and the details tree
 * ({@link org.braid.render.DetailTree}) that {@code braid packets -V} prints and the window shows.
 *
 * <p>It reads {@code decode} and {@code io} and allocates freely; the decoder and the streaming
 * analysis never call it, so nothing here runs on the hot path.
 */
package org.braid.render;
