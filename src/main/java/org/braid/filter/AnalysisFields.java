package org.braid.filter;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;
import java.util.function.IntUnaryOperator;
import org.braid.analysis.PacketColumns;

/**
 * The fields the MPTCP analysis provides, read from its per-packet columns by packet number:
 * <ul>
 *   <li>{@code mptcp.connection}: the MPTCP connection's index (absent outside MPTCP)</li>
 *   <li>{@code tcp.stream}: the TCP flow's index, as the analysis numbers flows (absent without TCP)</li>
 *   <li>{@code mptcp.subflow}: the subflow's position in its connection, 0 for the first</li>
 *   <li>{@code mptcp.dsn}: the relative data sequence number of the first payload byte (absent
 *       without mapped data); it replaces the decoder's raw {@code mptcp.dsn} when chained first</li>
 *   <li>{@code mptcp.reinjection_of}: the packet number of the original of a reinjection</li>
 *   <li>{@code mptcp.dsn.absolute}: the 64-bit DSN as on the wire (unsigned values above 2^63 compare as negative)</li>
 *   <li>{@code mptcp.resent_of}: the packet number of the original of a same-subflow resend</li>
 *   <li>booleans: {@code mptcp.reinjection}, {@code mptcp.resent} (sent again on the same subflow with
 *       new sequence numbers), {@code tcp.analysis.ack_lost_segment} (acknowledges bytes the capture
 *       never saw, Wireshark's name), {@code mptcp.checksum.failed},
 *       {@code tcp.analysis.retransmission}, {@code mptcp.window.beyond},
 *       {@code tcp.analysis.zero_window}. As in Wireshark, such a field alone is true only when the
 *       finding was made ({@code mptcp.reinjection}); compared, it is 0 or 1 on every TCP packet
 *       ({@code mptcp.reinjection == false})</li>
 * </ul>
 */
public final class AnalysisFields implements FieldResolver {
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final PacketColumns columns;

    /** Fields over {@code columns}; {@code subflowOfFlow} gives a flow's position in its connection, or a negative. */
    public AnalysisFields(PacketColumns columns, IntUnaryOperator subflowOfFlow) {
        this.columns = columns;
        number("mptcp.connection", i -> columns.connectionOfPacket(i) >= 0, columns::connectionOfPacket);
        number("tcp.stream", i -> columns.flowOfPacket(i) >= 0, columns::flowOfPacket);
        number("mptcp.subflow", i -> columns.flowOfPacket(i) >= 0 && subflowOfFlow.applyAsInt(columns.flowOfPacket(i)) >= 0,
                i -> subflowOfFlow.applyAsInt(columns.flowOfPacket(i)));
        fields.put("mptcp.dsn", new ColumnField(FieldType.NUMBER, i -> columns.relativeDsn(i) != PacketColumns.NO_DSN,
                i -> columns.relativeDsn(i)));
        number("mptcp.reinjection_of", i -> columns.reinjectionOf(i) != PacketColumns.NO_PACKET,
                i -> columns.reinjectionOf(i) + 1);
        fields.put("mptcp.dsn.absolute", new ColumnField(FieldType.NUMBER,
                i -> columns.absoluteDsn(i) != PacketColumns.NO_DSN, i -> columns.absoluteDsn(i)));
        number("mptcp.resent_of", i -> columns.resentOf(i) != PacketColumns.NO_PACKET, i -> columns.resentOf(i) + 1);
        flag("mptcp.reinjection", PacketColumns.REINJECTION);
        flag("mptcp.resent", PacketColumns.RESENT);
        flag("tcp.analysis.ack_lost_segment", PacketColumns.CAPTURE_LOSS);
        flag("mptcp.checksum.failed", PacketColumns.CHECKSUM_FAILED);
        flag("tcp.analysis.retransmission", PacketColumns.TCP_RETRANSMISSION);
        flag("mptcp.window.beyond", PacketColumns.BEYOND_WINDOW);
        flag("tcp.analysis.zero_window", PacketColumns.ZERO_WINDOW);
    }

    @Override
    public Field field(String name) {
        return fields.get(name);
    }

    @Override
    public Collection<String> fieldNames() {
        return Collections.unmodifiableSet(fields.keySet());
    }

    private void number(String name, IntPredicate present, IntUnaryOperator value) {
        fields.put(name, new ColumnField(FieldType.NUMBER, present, i -> value.applyAsInt(i)));
    }

    private void flag(String name, int bit) {
        fields.put(name, new ColumnField(FieldType.BOOLEAN, i -> columns.flowOfPacket(i) >= 0,
                i -> columns.hasFlag(i, bit) ? 1 : 0) {
            @Override
            public boolean present(FilterInput input) {
                return anyMatch(input, (high, low) -> low == 1);
            }
        });
    }

    /** Reads packet number n's value at column index n - 1; packets past the columns have no value. */
    private class ColumnField implements Field {
        private final FieldType type;
        private final IntPredicate present;
        private final IntToLongFunction value;

        ColumnField(FieldType type, IntPredicate present, IntToLongFunction value) {
            this.type = type;
            this.present = present;
            this.value = value;
        }

        @Override
        public FieldType type() { return type; }

        @Override
        public boolean needsDecode() { return false; }

        @Override
        public boolean anyMatch(FilterInput input, ValueTest test) {
            long number = input.packetNumber();
            if (number < 1 || number > columns.size()) {
                return false;
            }
            int i = (int) (number - 1);
            return present.test(i) && test.test(0, value.applyAsLong(i));
        }
    }
}
