package org.braid.model;

import java.util.List;

/**
 * How a connection's subflows were put together, and how its client and server were told apart.
 *
 * @param grouping      {@code INFERRED} when any subflow was grouped by the data-sequence space (or none
 *                      has a handshake in the trace); else {@code HANDSHAKE} when the MP_CAPABLE
 *                      handshake is in the trace; else {@code TOKEN} (subflows tied by MP_JOIN tokens)
 * @param evidence      for inferred grouping, why, in words (one line per subflow or fact)
 * @param rolesInferred true when no MP_CAPABLE SYN is in the trace: client and server were inferred
 *                      from the MPTCP options present, then from the ports (see {@link RoleBasis})
 */
public record ConnectionGrouping(Grouping grouping, List<String> evidence, boolean rolesInferred) {
    public ConnectionGrouping {
        evidence = List.copyOf(evidence);
    }
}
