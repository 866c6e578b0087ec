package org.braid.compare;

/**
 * What one reinjection did, judged at the receiver's capture point.
 *
 * @param connection        the connection's index in the first capture
 * @param fromClient        true for data the connection's client sent
 * @param inA               true when the reinjection was taken from the first capture (the sender's side)
 * @param packet            its 1-based number in that capture
 * @param timeNanos         when it was sent, on the first capture's clock, or null when the offset is unknown
 * @param fromSubflow       the subflow of the original (position in the first capture's connection), or null
 * @param toSubflow         the subflow it was sent on, or null
 * @param dsn               relative DSN of the first reinjected byte (sender's capture)
 * @param bytes             bytes sent again
 * @param verdict           {@link Verdict}
 * @param originalArrivalNanos    when the last original arrived at the receiver's capture point, on the first
 *                          capture's clock; null when it never arrived or the clock offset is unknown
 * @param reinjectionArrivalNanos when the reinjection arrived there, likewise
 * @param marginNanos       reinjection arrival minus original arrival: positive when the original came
 *                          first (by that much), negative when the reinjection did (both times on the
 *                          receiver's capture clock, so no offset enters); null unless both arrived
 */
public record ReinjectionOutcome(int connection, boolean fromClient, boolean inA, long packet, Long timeNanos,
        Integer fromSubflow, Integer toSubflow, long dsn, long bytes, Verdict verdict, Long originalArrivalNanos,
        Long reinjectionArrivalNanos, Long marginNanos) {
    public enum Verdict {
        /** An original never reached the receiver: the reinjection delivered the data. */
        NEEDED("needed", true),
        /** Both arrived and the reinjection came first. */
        FASTER("faster", true),
        /** The original had arrived before the reinjection. */
        REDUNDANT("redundant", false),
        /** The reinjection itself never reached the receiver. */
        LOST("lost", false);

        private final String csvName;
        private final boolean useful;

        Verdict(String csvName, boolean useful) {
            this.csvName = csvName;
            this.useful = useful;
        }

        public String csvName() { return csvName; }

        public boolean useful() { return useful; }
    }

    public boolean useful() { return verdict.useful(); }
}
