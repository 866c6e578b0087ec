/**
 * Display filters: a small, Wireshark-like language that selects packets, headless so the
 * desktop window and the command line share it.
 *
 * <h2>Language</h2>
 * <pre>
 *   filter     := or
 *   or         := and (("||" | "or") and)*
 *   and        := unary (("&amp;&amp;" | "and") unary)*
 *   unary      := ("!" | "not") unary | "(" or ")" | test
 *   test       := FIELD [ op LITERAL ]
 *   op         := "==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" (also eq ne lt le gt ge)
 *   LITERAL    := decimal or 0x-hex integer | true | false | IPv4 address | IPv6 address
 * </pre>
 * <ul>
 *   <li>A field alone is true when the packet has it: {@code mptcp} (any MPTCP option),
 *       {@code tcp.port} (any TCP packet).</li>
 *   <li>A field may have several values in one packet ({@code ip.addr} is the source and the
 *       destination, {@code mptcp.subtype} one value per MPTCP option): a comparison is true when
 *       any value satisfies it, except {@code !=}, which means "not ==" (as in Wireshark 4):
 *       {@code ip.addr != 10.0.0.1} excludes every packet from or to 10.0.0.1.</li>
 *   <li>Numbers compare as unsigned 64-bit values. Addresses only compare with {@code ==} and
 *       {@code !=}; {@code ip.addr}, {@code ip.src} and {@code ip.dst} cover IPv4 and IPv6 (an IPv4
 *       address is held as its IPv4-mapped IPv6 form).</li>
 *   <li>An empty filter matches every packet.</li>
 * </ul>
 *
 * <h2>Fields</h2>
 * The decoder's fields are listed in {@link org.braid.filter.PacketFields}; the MPTCP analysis's
 * in {@link org.braid.filter.AnalysisFields}: {@code mptcp.connection}, {@code tcp.stream} (the
 * flow index), {@code mptcp.subflow}, {@code mptcp.dsn} (relative), {@code mptcp.reinjection},
 * {@code mptcp.reinjection_of}, {@code mptcp.checksum.failed}, {@code tcp.analysis.retransmission},
 * {@code mptcp.window.beyond}, {@code tcp.analysis.zero_window}. Resolvers chain with
 * {@link org.braid.filter.FieldResolver#or}; the desktop asks the analysis first, so its relative
 * {@code mptcp.dsn} replaces the decoder's raw one there.
 *
 * <p>Examples: {@code mptcp.connection == 0 && mptcp.reinjection}, {@code tcp.stream == 3},
 * {@code mptcp.subflow == 1 && tcp.analysis.retransmission}, {@code mptcp.dsn > 100000}.
 *
 * <p>{@link org.braid.filter.FilterParser#parse} never throws on bad input: it returns a
 * {@link org.braid.filter.FilterResult} holding either the filter or the position and reason of
 * the first error.
 */
package org.braid.filter;
