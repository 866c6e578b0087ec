package org.braid.decode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.braid.io.Frame;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;

/**
 * A rough decode-speed check, not a unit test: {@code java -cp ... org.braid.decode.DecodeSpeed TRACE [SECONDS]}.
 * Frames are read once into memory; the loop then times a plain walk over the same frames (the
 * baseline: touching each frame's first and last byte) and the full decode, and prints both and their ratio,
 * then times reading the file with the pcap reader and decoding each frame.
 */
public final class DecodeSpeed {
    private DecodeSpeed() {}

    public static void main(String[] args) throws IOException {
        Path trace = Path.of(args[0]);
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        List<Frame> frames = new ArrayList<>();
        try (PacketSource source = TraceReader.open(trace)) {
            Frame frame = new Frame();
            while (source.next(frame)) {
                Frame copy = new Frame();
                copy.set(java.nio.ByteBuffer.wrap(frame.copyBytes()), 0, frame.capturedLength(), frame.originalLength(),
                        frame.linkType(), frame.interfaceId(), frame.timestampNanos(), frame.packetNumber(), 0);
                frames.add(copy);
            }
        }
        Frame[] all = frames.toArray(new Frame[0]);
        PacketDecoder decoder = new PacketDecoder();
        DecodedPacket packet = new DecodedPacket();
        for (int warm = 0; warm < 3; warm++) {
            baseline(all, seconds / 5);
            decode(all, decoder, packet, seconds / 5);
        }
        double base = baseline(all, seconds);
        double full = decode(all, decoder, packet, seconds);
        System.out.printf("%s: %d frames%n", trace.getFileName(), all.length);
        System.out.printf("baseline walk: %,.0f packets/s%n", base);
        System.out.printf("full decode:   %,.0f packets/s (%.2f of baseline)%n", full, full / base);
        double fromFile = readAndDecode(trace, decoder, packet, seconds);
        System.out.printf("pcap read + decode: %,.0f packets/s%n", fromFile);
    }

    /** Opens the trace again and again, decoding every frame the reader hands out. */
    private static double readAndDecode(Path trace, PacketDecoder decoder, DecodedPacket packet, double seconds)
            throws IOException {
        Frame frame = new Frame();
        long sum = 0;
        long count = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            try (PacketSource source = TraceReader.open(trace)) {
                while (source.next(frame)) {
                    decoder.decode(frame, packet);
                    sum += packet.mptcpOptionCount();
                    count++;
                }
            }
        }
        if (sum == 42) {
            System.out.print("");
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static double baseline(Frame[] frames, double seconds) {
        long sum = 0;
        long count = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            for (Frame f : frames) {
                sum += f.buffer().get(f.offset()) + f.buffer().get(f.offset() + f.capturedLength() - 1);
            }
            count += frames.length;
        }
        if (sum == 42) {
            System.out.print("");
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static double decode(Frame[] frames, PacketDecoder decoder, DecodedPacket packet, double seconds) {
        long sum = 0;
        long count = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            for (Frame f : frames) {
                decoder.decode(f, packet);
                sum += packet.mptcpOptionCount() + packet.sourcePort();
            }
            count += frames.length;
        }
        if (sum == 42) {
            System.out.print("");
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
