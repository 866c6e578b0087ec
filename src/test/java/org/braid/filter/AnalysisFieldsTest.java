package org.braid.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntPredicate;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.analysis.PacketColumns;
import org.braid.analysis.PacketPass;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.model.AnalysisResult;
import org.braid.model.Subflow;
import org.braid.testing.Traces;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The analysis's filter fields select exactly the packets its columns say, on a trace with reinjections. */
class AnalysisFieldsTest {
    private static final Path TRACE = Traces.sampleTrace("dead-path.pcap");
    private static PacketColumns columns;
    private static AnalysisResult result;
    private static FieldResolver fields;

    @BeforeAll
    static void analyze() throws IOException {
        MptcpAnalyzer analyzer = new MptcpAnalyzer();
        try (PacketSource source = TraceReader.open(TRACE)) {
            PacketPass.run(source, analyzer);
        }
        columns = analyzer.columns();
        result = analyzer.result();
        Subflow second = result.connections().get(0).subflows().get(1);
        fields = new AnalysisFields(columns, flow -> flow == second.flow() ? 1 : flow == 0 ? 0 : -1)
                .or(PacketFields.instance());
    }

    /** Packet indexes (0-based) the filter keeps. */
    private static long matches(String text) throws IOException {
        FilterResult parsed = FilterParser.parse(text, fields);
        assertThat(parsed.isValid()).as(text + ": " + parsed.error()).isTrue();
        FilterInput input = new FilterInput();
        long[] count = new long[1];
        try (PacketSource source = TraceReader.open(TRACE)) {
            PacketPass.run(source, (frame, packet) -> count[0] += parsed.filter().matches(input.set(frame, packet)) ? 1 : 0);
        }
        return count[0];
    }

    private static long expected(IntPredicate which) {
        long count = 0;
        for (int i = 0; i < columns.size(); i++) {
            count += which.test(i) ? 1 : 0;
        }
        return count;
    }

    @Test
    void flagsAloneMeanTheFindingWasMade() throws IOException {
        long reinjections = expected(i -> columns.hasFlag(i, PacketColumns.REINJECTION));
        assertThat(reinjections).isEqualTo(result.connections().get(0).data().reinjectedPackets()).isPositive();
        assertThat(matches("mptcp.reinjection")).isEqualTo(reinjections);
        assertThat(matches("mptcp.reinjection == true")).isEqualTo(reinjections);
        assertThat(matches("!mptcp.reinjection")).isEqualTo(columns.size() - reinjections);
        assertThat(matches("mptcp.reinjection == 0")).isEqualTo(expected(i -> columns.flowOfPacket(i) >= 0
                && !columns.hasFlag(i, PacketColumns.REINJECTION)));
        long retransmissions = expected(i -> columns.hasFlag(i, PacketColumns.TCP_RETRANSMISSION));
        assertThat(matches("tcp.analysis.retransmission")).isEqualTo(retransmissions).isPositive();
        assertThat(matches("mptcp.window.beyond")).isEqualTo(expected(i -> columns.hasFlag(i, PacketColumns.BEYOND_WINDOW)));
        assertThat(matches("tcp.analysis.zero_window")).isEqualTo(expected(i -> columns.hasFlag(i, PacketColumns.ZERO_WINDOW)));
        assertThat(matches("mptcp.checksum.failed")).isEqualTo(expected(i -> columns.hasFlag(i, PacketColumns.CHECKSUM_FAILED)));
    }

    @Test
    void connectionStreamAndSubflowSelectTheirPackets() throws IOException {
        int second = result.connections().get(0).subflows().get(1).flow();
        long onSecond = expected(i -> columns.flowOfPacket(i) == second);
        assertThat(onSecond).isPositive();
        assertThat(matches("mptcp.connection == 0")).isEqualTo(expected(i -> columns.connectionOfPacket(i) == 0));
        assertThat(matches("tcp.stream == " + second)).isEqualTo(onSecond);
        assertThat(matches("mptcp.subflow == 1")).isEqualTo(onSecond);
        assertThat(matches("mptcp.connection == 0 && mptcp.subflow == 1 && mptcp.reinjection"))
                .isEqualTo(expected(i -> columns.flowOfPacket(i) == second && columns.hasFlag(i, PacketColumns.REINJECTION)));
    }

    @Test
    void dsnIsTheRelativeOneAndReinjectionOfNamesTheOriginal() throws IOException {
        assertThat(matches("mptcp.dsn")).isEqualTo(expected(i -> columns.relativeDsn(i) != PacketColumns.NO_DSN));
        assertThat(matches("mptcp.dsn >= 1 && mptcp.dsn <= 100000")).isEqualTo(expected(i ->
                columns.relativeDsn(i) != PacketColumns.NO_DSN && columns.relativeDsn(i) >= 1
                        && columns.relativeDsn(i) <= 100000)).isPositive();
        int reinjection = 0;
        while (columns.reinjectionOf(reinjection) == PacketColumns.NO_PACKET) {
            reinjection++;
        }
        int original = columns.reinjectionOf(reinjection) + 1;
        assertThat(matches("mptcp.reinjection_of == " + original))
                .isEqualTo(expected(i -> columns.reinjectionOf(i) == original - 1)).isPositive();
    }

    @Test
    void wrongUseIsAnErrorNotAnException() {
        assertThat(FilterParser.parse("mptcp.connection == yes", fields).error().toString())
                .contains("integer");
        assertThat(FilterParser.parse("mptcp.reinjections", fields).error().toString()).contains("unknown field");
        assertThat(fields.fieldNames()).contains("mptcp.connection", "tcp.stream", "mptcp.subflow", "mptcp.dsn",
                "mptcp.reinjection", "mptcp.reinjection_of", "mptcp.checksum.failed", "tcp.analysis.retransmission",
                "mptcp.window.beyond", "tcp.analysis.zero_window", "ip.addr");
    }
}
