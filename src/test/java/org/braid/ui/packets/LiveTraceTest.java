package org.braid.ui.packets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.braid.analysis.MptcpAnalyzer;
import org.braid.analysis.PacketPass;
import org.braid.io.Frame;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.model.AnalysisResult;
import org.braid.testing.Traces;
import org.braid.ui.analysis.TraceAnalysis;
import org.junit.jupiter.api.Test;

/** Snapshots of a live trace: frozen in size, consistent with their analysis, and the last one equals a file's. */
class LiveTraceTest {
    private static final String TRACE = "mptcpanalyzer_iperf-mptcp-0-0.pcap";

    @Test
    void snapshotsStayFrozenWhileTheLiveTraceGrowsAndTheLastMatchesTheFilesAnalysis() throws IOException {
        LiveTrace live = new LiveTrace("Live capture on lo", "capture filter \"tcp\"");
        MptcpAnalyzer reference = new MptcpAnalyzer();
        LoadedTrace[] early = new LoadedTrace[1];
        try (PacketSource source = TraceReader.open(Traces.publicTrace(TRACE))) {
            PacketPass.run(source, (frame, packet) -> {
                live.onPacket(frame, packet);
                reference.onPacket(frame, packet);
                if (live.packets() == 10) {
                    early[0] = live.snapshot();
                }
            });
        }
        LoadedTrace first = early[0];
        assertThat(first.index().size()).isEqualTo(10);
        assertThat(first.path()).isNull();
        assertThat(first.reader()).isNull();
        assertThatThrownBy(() -> first.index().add(new Frame(), null)).isInstanceOf(IllegalStateException.class);
        // Packets that joined a connection after the snapshot never point past its result.
        TraceAnalysis analysis = first.analysis();
        for (int i = 0; i < first.index().size(); i++) {
            assertThat(analysis.connectionOfPacket(i)).isLessThan(analysis.result().connections().size());
        }
        Frame frame = new Frame();
        assertThat(first.index().read(null, 9, frame)).isTrue();
        assertThat(frame.packetNumber()).isEqualTo(10);

        LoadedTrace last = live.snapshot();
        AnalysisResult expected = reference.result();
        assertThat(last.index().size()).isEqualTo(live.packets()).isGreaterThan(1000);
        assertThat(last.analysis().result().connections()).hasSameSizeAs(expected.connections()).isNotEmpty();
        assertThat(last.analysis().result().connections().get(0).subflows())
                .hasSameSizeAs(expected.connections().get(0).subflows());
        assertThat(first.index().size()).isEqualTo(10);
    }
}
