package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.model.AnalysisResult;
import org.braid.model.EventType;
import org.braid.model.MptcpConnection;
import org.braid.model.MptcpEvent;
import org.braid.model.SubflowWindow;
import org.braid.model.WindowStats;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared receive window on real traces. Expected edges were read with tshark 4.0
 * (relative {@code mptcp.ack} + scaled {@code tcp.window_size}), which agrees with the
 * window-edge column on every advertisement of the kernel-made and public traces except where the
 * scale is unknown (see {@link #aJoinWhoseSynAckIsMissingIsReadUnscaledAndStopsTheBeyondCheck}).
 */
class WindowTracesTest {
    private MptcpAnalyzer analyzer;

    @ParameterizedTest
    @ValueSource(strings = {"two-subflows.pcap", "two-subflows.pcapng", "ipv6-two-subflows.pcap",
            "three-subflows.pcap", "dss-checksum.pcap", "mp-prio-backup.pcap", "loss-reinjections.pcap"})
    void aHealthyTransferStaysWithinTheWindowOfEverySubflow(String name) {
        MptcpConnection c = analyze(Traces.sampleTrace(name)).connections().get(0);
        for (WindowStats w : new WindowStats[] {c.window().client(), c.window().server()}) {
            assertThat(w.beyondWindowChecked()).isTrue();
            assertThat(w.beyondWindowPackets()).isZero();
            assertThat(w.zeroWindowPeriods()).isZero();
            assertThat(w.shrinks()).as("Linux never shrinks the connection-level window").isZero();
            assertThat(w.disagreements()).isZero();
        }
        WindowStats data = c.window().client();
        assertThat(data.subflows()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(s -> {
            assertThat(s.scaleKnown()).isTrue();
            assertThat(s.advertisements()).isPositive();
            // The server's last advertisements all name the same connection-level edge.
            assertThat(s.lastRightEdge()).isEqualTo(data.maxRightEdge());
        });
        // The client sent every byte of data inside the largest edge.
        assertThat(data.maxRightEdge()).isGreaterThan(data.highestSent());
    }

    @Test
    void twoSubflowsEdgesAgreeWithTshark() {
        analyze(Traces.sampleTrace("two-subflows.pcap"));
        PacketColumns columns = analyzer.columns();
        assertThat(columns.windowEdge(16 - 1)).isEqualTo(4273 + 73 * 1024);    // join subflow, shift 10
        assertThat(columns.windowEdge(168 - 1)).isEqualTo(106_577 + 83 * 1024);
        assertThat(columns.windowEdge(618 - 1)).isEqualTo(287_425 + 260 * 1024);
        assertThat(columns.windowEdge(918 - 1)).isEqualTo(508_017 + 667 * 1024);
        assertThat(columns.windowEdge(318 - 1)).isEqualTo(1 + 63 * 1024);      // the client, for the server's data
    }

    @Test
    void theStalledChecksumFailureIsNotAWindowStall() {
        MptcpConnection c = analyze(Traces.sampleTrace("checksum-fail-one-subflow.pcap")).connections().get(0);
        WindowStats w = c.window().client();
        // Frame 134, the server's last ACK before the stall: DATA_ACK 96,257 (all 96,256 bytes sent)
        // and a window of 175 << 10 = 179,200 bytes, repeated with its DATA_FINs at frames 136-139.
        assertThat(analyzer.columns().windowEdge(134 - 1)).isEqualTo(96_257 + 179_200);
        assertThat(analyzer.columns().windowEdge(139 - 1)).isEqualTo(96_257 + 179_200);
        assertThat(w.maxRightEdge()).isEqualTo(96_257 + 179_200);
        // Frame 133 carries the last bytes, DSN 96,129 + 128: everything sent was acknowledged.
        assertThat(w.highestSent()).isEqualTo(96_257);
        assertThat(w.highestDataAck()).isEqualTo(96_257);
        assertThat(w.zeroWindowPeriods()).isZero();
        assertThat(w.windowLimitedNanos()).isZero();
        assertThat(w.beyondWindowPackets()).isZero();
        assertThat(w.subflows()).singleElement().satisfies(s -> assertThat(s.scaleShift()).isEqualTo(10));
    }

    @Test
    void aReceiverThatStopsReadingClosesTheSharedWindowOnBothSubflows() {
        // Frames 149 (path 1) and 151 (path 2): window 0 at DATA_ACK 117,761, which tshark marks
        // "TCP Zero Window segment" too. Frame 152, 0.395758 s after 149: 80 << 10 = 81,920 bytes.
        MptcpConnection c = analyze(Traces.sampleTrace("zero-window.pcap")).connections().get(0);
        PacketColumns columns = analyzer.columns();
        for (int i = 0; i < columns.size(); i++) {
            assertThat(columns.hasFlag(i, PacketColumns.ZERO_WINDOW)).as("frame %d", i + 1)
                    .isEqualTo(i + 1 == 149 || i + 1 == 151);
        }
        assertThat(columns.windowEdge(149 - 1)).isEqualTo(117_761);
        assertThat(columns.windowEdge(152 - 1)).isEqualTo(117_761 + 81_920);
        WindowStats w = c.window().client();
        assertThat(w.zeroWindowPackets()).isEqualTo(2);
        assertThat(w.zeroWindows()).singleElement().satisfies(p -> {
            assertThat(p.flow()).isEqualTo(c.subflows().get(0).flow());
            assertThat(p.startPacket()).isEqualTo(149);
            assertThat(p.endPacket()).isEqualTo(152);
            assertThat(p.durationNanos()).isEqualTo(395_758_000L);
        });
        assertThat(w.zeroWindowNanos()).isEqualTo(395_758_000L);
        // The sender had filled the window before it closed, and stays limited while it is zero.
        assertThat(w.windowLimitedNanos()).isGreaterThan(w.zeroWindowNanos());
        assertThat(w.beyondWindowChecked()).isTrue();
        assertThat(w.beyondWindowPackets()).isZero();
        assertThat(w.disagreements()).isZero();
        assertThat(c.events()).filteredOn(e -> e.type() == EventType.ZERO_WINDOW).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("reopened after 0.395758 s at packet 152"));
    }

    @Test
    void iperfOverPppWithDssChecksumsStaysInsideItsScaledWindow() {
        MptcpConnection c = analyze(Traces.publicTrace("mptcpanalyzer_iperf-mptcp-0-0.pcap")).connections().get(0);
        PacketColumns columns = analyzer.columns();
        assertThat(columns.windowEdge(13 - 1)).isEqualTo(1 + 7300 * 4);
        assertThat(columns.windowEdge(1370 - 1)).isEqualTo(1_239_649 + 10_558 * 4);
        assertThat(columns.windowEdge(1974 - 1)).isEqualTo(1_803_921 + 10_558 * 4);
        WindowStats w = c.window().client();
        assertThat(w.advertisements()).isEqualTo(878);
        assertThat(w.maxRightEdge()).isEqualTo(2_401_554);
        assertThat(w.beyondWindowChecked()).isTrue();
        assertThat(w.beyondWindowPackets()).isZero();
        assertThat(w.subflows()).filteredOn(s -> s.advertisements() > 0).hasSize(2)
                .allSatisfy(s -> assertThat(s.scaleShift()).isEqualTo(2));
        assertThat(w.highestSent()).isLessThanOrEqualTo(w.maxRightEdge());
    }

    @Test
    void aReceiverWhoseDataAcksLagOnOneSubflowDisagreesWithItself() {
        // Captured at the receiver (the iperf server). Frame 1427 on one subflow: DATA_ACK 1,544,938
        // + 434,176 = 1,979,114. Frame 1428, 4.5 ms later on another: DATA_ACK 1,225,066 + 467,968 =
        // 1,693,034. The windows are close; the DATA_ACK of the second subflow lags 320 kB behind.
        AnalysisResult result = analyze(Traces.publicTrace("mptcpanalyzer_server_2.pcap"));
        MptcpConnection c = result.connections().get(2);
        WindowStats w = c.window().client();
        assertThat(w.disagreements()).isEqualTo(57);
        assertThat(w.beyondWindowPackets()).isZero();
        MptcpEvent first = c.events().stream().filter(e -> e.type() == EventType.WINDOW_DISAGREEMENT).findFirst()
                .orElseThrow();
        assertThat(first.packet()).isEqualTo(1428);
        assertThat(first.detail()).contains("right edge 1693034 here, 1979114 on flow");
    }

    @Test
    void aJoinWhoseSynAckIsMissingIsReadUnscaledAndStopsTheBeyondCheck() {
        // Frame 25: the client's ACK on the join 11.0.0.1:60453, whose SYN/ACK is not in the trace.
        // tshark assumes the SYN's scale (window 58 * 512); the scale is unknown, so Braid reads 58.
        AnalysisResult result = analyze(Traces.publicTrace("mptcpanalyzer_client_2.pcap"));
        assertThat(analyzer.columns().windowEdge(25 - 1)).isEqualTo(3 + 58);
        WindowStats w = result.connections().get(0).window().server();
        assertThat(w.beyondWindowChecked()).isFalse();
        assertThat(w.unknownScale()).extracting(SubflowWindow::unscaledAdvertisements).containsExactly(2L, 1L);
    }

    private AnalysisResult analyze(Path trace) {
        analyzer = new MptcpAnalyzer();
        try (PacketSource source = TraceReader.open(trace)) {
            PacketPass.run(source, analyzer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return analyzer.result();
    }
}
