package org.braid.compare;

/**
 * One subflow across both captures.
 *
 * @param position          its position in the first capture's connection
 * @param positionB         its twin's position in the second capture's connection, or null
 * @param matched           packets seen at both points
 * @param onlyInA           packets seen in the first capture only
 * @param onlyInB           packets seen in the second capture only
 * @param clientToServer    one-way delays of what the client sent
 * @param serverToClient    one-way delays of what the server sent
 * @param networkLossClient packets the client sent that the network lost
 * @param networkLossServer packets the server sent that the network lost
 * @param captureLossClient packets the client sent that the receiver's capture missed (acknowledged all the same)
 * @param captureLossServer the same for the server's packets
 * @param senderCaptureLoss packets seen at the receiver's point only (the sender's capture missed them)
 * @param refusedClient     of the client's network losses, those an ICMP error in the client side's capture quotes
 * @param refusedServer     the same for the server's
 *
 * <p>The seven loss counts are null when the clock offset is unknown: without it, whether the other
 * capture was running when a packet passed cannot be told, so no loss is claimed.
 */
public record SubflowComparison(int position, Integer positionB, long matched, long onlyInA, long onlyInB,
        DelayStats clientToServer, DelayStats serverToClient, Long networkLossClient, Long networkLossServer,
        Long captureLossClient, Long captureLossServer, Long senderCaptureLoss, Long refusedClient,
        Long refusedServer) {}
