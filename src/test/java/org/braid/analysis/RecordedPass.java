package org.braid.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.braid.decode.DecodedPacket;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.model.AnalysisResult;
import org.braid.model.MptcpConnection;
import org.braid.model.Subflow;

/**
 * One analysis of a trace, plus the TCP facts of every packet kept aside (for tests only), so a
 * test can recompute a finding of the analysis its own way from the columns and the packets.
 */
final class RecordedPass {
    final AnalysisResult result;
    final PacketColumns columns;
    final int[] payload;
    final int[] tcpFlags;
    final long[] seq;
    final long[] ack;
    /** True when the packet was sent by its subflow's client (the sender of the subflow's SYN). */
    final boolean[] fromSubflowClient;
    final Map<Integer, Subflow> subflows = new HashMap<>();
    final Map<Integer, MptcpConnection> connectionOfFlow = new HashMap<>();

    private RecordedPass(Path trace) {
        MptcpAnalyzer analyzer = new MptcpAnalyzer();
        int capacity = 1 << 16;
        int[] payloads = new int[capacity];
        int[] flags = new int[capacity];
        long[] seqs = new long[capacity];
        long[] acks = new long[capacity];
        String[] sources = new String[capacity];
        int[] ports = new int[capacity];
        int[] count = {0};
        try (PacketSource source = TraceReader.open(trace)) {
            PacketPass.run(source, (frame, packet) -> {
                analyzer.onPacket(frame, packet);
                int i = count[0]++;
                if (i == payloads.length) {
                    throw new IllegalStateException("more than " + payloads.length + " packets: too many for this helper");
                }
                if (packet.hasTcp()) {
                    payloads[i] = packet.payloadWireLength();
                    flags[i] = (packet.hasTcpFlag(DecodedPacket.TCP_SYN) ? DecodedPacket.TCP_SYN : 0)
                            | (packet.hasTcpFlag(DecodedPacket.TCP_FIN) ? DecodedPacket.TCP_FIN : 0)
                            | (packet.hasTcpFlag(DecodedPacket.TCP_RST) ? DecodedPacket.TCP_RST : 0)
                            | (packet.hasTcpFlag(DecodedPacket.TCP_ACK) ? DecodedPacket.TCP_ACK : 0);
                    seqs[i] = packet.sequenceNumber();
                    acks[i] = packet.acknowledgmentNumber();
                    sources[i] = packet.sourceAddress();
                    ports[i] = packet.sourcePort();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        result = analyzer.result();
        columns = analyzer.columns();
        int n = count[0];
        payload = Arrays.copyOf(payloads, n);
        tcpFlags = Arrays.copyOf(flags, n);
        seq = Arrays.copyOf(seqs, n);
        ack = Arrays.copyOf(acks, n);
        for (MptcpConnection c : result.connections()) {
            for (Subflow s : c.subflows()) {
                subflows.put(s.flow(), s);
                connectionOfFlow.put(s.flow(), c);
            }
        }
        fromSubflowClient = new boolean[n];
        for (int i = 0; i < n; i++) {
            Subflow s = subflows.get(columns.flowOfPacket(i));
            fromSubflowClient[i] = s != null && s.client().port() == ports[i]
                    && s.client().address().equals(sources[i]);
        }
    }

    static RecordedPass of(Path trace) {
        return new RecordedPass(trace);
    }

    int packets() {
        return payload.length;
    }

    boolean has(int i, int flag) {
        return (tcpFlags[i] & flag) != 0;
    }
}
