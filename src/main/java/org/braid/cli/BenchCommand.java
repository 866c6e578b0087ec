package org.braid.cli;

import java.io.EOFException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.braid.analysis.PacketPass;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Reads and fully decodes a trace with Braid, and reads it raw with pcap4j (libpcap), in the same
 * run, alternating rounds so both see the same page cache and JIT state; prints the ratio.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Measure read+decode speed against pcap4j's raw offline reader on the same file.")
public final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "pcap or pcapng trace (not gzip: libpcap cannot read it)")
    Path file;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds of each reader (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", defaultValue = "2", description = "Unmeasured warm-up rounds (default ${DEFAULT-VALUE}).")
    int warmup;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < warmup; i++) {
            braidPass();
            pcap4jPass();
        }
        long braidBest = Long.MAX_VALUE;
        long pcap4jBest = Long.MAX_VALUE;
        long braidPackets = 0;
        long pcap4jPackets = 0;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            braidPackets = braidPass();
            braidBest = Math.min(braidBest, System.nanoTime() - start);
            start = System.nanoTime();
            pcap4jPackets = pcap4jPass();
            pcap4jBest = Math.min(pcap4jBest, System.nanoTime() - start);
        }
        double braidRate = braidPackets / (braidBest / 1e9);
        double pcap4jRate = pcap4jPackets / (pcap4jBest / 1e9);
        out.printf("file:                     %s (%d packets)%n", file.getFileName(), braidPackets);
        out.printf("braid read+full decode:   %,12.0f packets/s  (best of %d rounds)%n", braidRate, rounds);
        out.printf("pcap4j getNextRawPacket:  %,12.0f packets/s  (best of %d rounds)%n", pcap4jRate, rounds);
        out.printf("ratio braid/pcap4j:       %12.1f%n", braidRate / pcap4jRate);
        if (braidPackets != pcap4jPackets) {
            out.printf("warning: braid read %d packets, pcap4j %d%n", braidPackets, pcap4jPackets);
        }
        return 0;
    }

    /** One full pass: every frame read and decoded down to its MPTCP options. */
    private long braidPass() throws Exception {
        long[] options = new long[1];
        long packets;
        try (PacketSource source = TraceReader.open(file)) {
            packets = PacketPass.run(source, (frame, packet) -> options[0] += packet.mptcpOptionCount());
        }
        if (options[0] < 0) {
            throw new AssertionError(); // keeps the decode from being optimised away
        }
        return packets;
    }

    private long pcap4jPass() throws Exception {
        long packets = 0;
        long bytes = 0;
        PcapHandle handle = Pcaps.openOffline(file.toString(), PcapHandle.TimestampPrecision.NANO);
        try {
            while (true) {
                try {
                    bytes += handle.getNextRawPacketEx().length;
                    packets++;
                } catch (EOFException end) {
                    break;
                }
            }
        } finally {
            handle.close();
        }
        if (bytes < 0) {
            throw new AssertionError();
        }
        return packets;
    }
}
