package org.braid.model;

import java.util.List;

/**
 * One MPTCP connection: the subflows sharing its keys and tokens, or, when the capture holds
 * neither, its data-sequence space.
 *
 * <p>The client is the host that sent the MP_CAPABLE SYN. For an incomplete connection (its
 * MP_CAPABLE handshake is not in the trace) found through MP_JOIN, the client is the end that
 * sent the joins and the server the holder of the token they carry; without either, see
 * {@link ConnectionGrouping#rolesInferred()}.
 *
 * @param index        position in {@link AnalysisResult#connections()}, the per-packet column value
 * @param version      MPTCP version (0 or 1), or null when no MP_CAPABLE was seen
 * @param handshake    true when both the MP_CAPABLE SYN and SYN/ACK are in the trace
 * @param clientKeys   the client's key, token and IDSN, as far as known
 * @param serverKeys   the server's
 * @param checksum     DSS checksums negotiated (flag A on the SYN or SYN/ACK); null when unknown
 * @param relativeToIdsn true when relative DSNs count from the IDSN; false when from the first DSN seen
 * @param grouping     handshake, token or inferred, with the evidence for inference
 * @param hmacVerified MP_JOIN HMACs that matched
 * @param hmacFailed   MP_JOIN HMACs that did not match
 * @param data         unique data-level bytes and goodput each way, the reinjections and resends
 * @param window       the shared receive window per data direction
 * @param mappings     the distinct DSS mappings with their checksum verdicts and failures
 * @param lifecycle    fallback, how the connection ended, ADD_ADDR HMAC checks
 */
public record MptcpConnection(int index, Integer version, boolean handshake, Endpoint client, Endpoint server,
        EndpointKeys clientKeys, EndpointKeys serverKeys, Boolean checksum, boolean relativeToIdsn,
        ConnectionGrouping grouping, long startNanos, long endNanos, int hmacVerified, int hmacFailed,
        List<Subflow> subflows, List<MptcpEvent> events, DataLevel data, ReceiveWindow window, DssMappings mappings,
        ConnectionLifecycle lifecycle) {
    public MptcpConnection {
        subflows = List.copyOf(subflows);
        events = List.copyOf(events);
    }

    public Long clientKey() { return clientKeys.key(); }
    public Long serverKey() { return serverKeys.key(); }
    public Long clientToken() { return clientKeys.token(); }
    public Long serverToken() { return serverKeys.token(); }
    public Long clientIdsn() { return clientKeys.idsn(); }
    public Long serverIdsn() { return serverKeys.idsn(); }

    /** The position in {@link #subflows()} of the subflow on TCP flow {@code flow}, or null when none is. */
    public Integer subflowPosition(int flow) {
        for (int i = 0; i < subflows.size(); i++) {
            if (subflows.get(i).flow() == flow) {
                return i;
            }
        }
        return null;
    }
}
