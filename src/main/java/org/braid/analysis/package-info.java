/**
 * The streaming MPTCP analysis: one pass, fed one packet at a time by {@link
 * org.braid.analysis.PacketPass} (a file) or by live capture, with the same code.
 *
 * <p><b>Direction and side: the first trap.</b> A TCP flow has a <em>direction</em>: 0 from the
 * flow's client (the sender of its SYN, or the end inferred to be it), 1 the reverse. An MPTCP
 * connection has <em>sides</em>: side 0 is the connection's client (the sender of the MP_CAPABLE
 * SYN), side 1 its server, and the data of side s is "data direction s". A join subflow may be
 * opened by the connection's server, so a flow's direction 0 is not always side 0:
 * {@link org.braid.analysis.Flow#dataDirection(int)} turns one into the other. Keys, tokens, IDSNs
 * and DSN spaces belong to sides ({@link org.braid.analysis.ConnectionSide}); sequence numbers,
 * mappings and retransmissions to flow directions.
 *
 * <p><b>Who does what,</b> in the order {@link org.braid.analysis.MptcpAnalyzer} calls them:
 * <ul>
 *   <li>{@link org.braid.analysis.FlowTable}: the 4-tuple lookup, on primitives;
 *   <li>{@link org.braid.analysis.HandshakeTracker}: MP_CAPABLE and MP_JOIN, keys, join HMACs;
 *   <li>{@link org.braid.analysis.ConnectionRegistry}: flows into connections, by handshake, token,
 *       or inferred from the data-sequence space when the capture holds neither;
 *   <li>{@link org.braid.analysis.DssMapper}: DSNs and DATA_ACKs to 64 bits, the subflow's ISN
 *       anchored from evidence only, each payload's DSN;
 *   <li>the observers of a placed packet: {@link org.braid.analysis.DataTracker} (reinjections,
 *       resends, retransmissions, capture loss, the byte categories), {@link
 *       org.braid.analysis.WindowTracker}, {@link org.braid.analysis.ChecksumVerifier}, {@link
 *       org.braid.analysis.LifecycleTracker}, {@link org.braid.analysis.AddAddrVerifier}, and the
 *       path tracker of the expert findings ({@link org.braid.analysis.expert}).
 * </ul>
 *
 * <p><b>What it may claim.</b> A value that rests on something the capture lacks is unknown (null,
 * {@link org.braid.analysis.PacketColumns#NO_DSN}), never a guess; a verdict needs the packets that
 * prove it. The per-packet results are primitive columns ({@link org.braid.analysis.PacketColumns});
 * the rest becomes the immutable records of {@code org.braid.model} in {@link
 * org.braid.analysis.MptcpAnalyzer#result()}.
 */
package org.braid.analysis;
