package org.braid.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.SplittableRandom;
import org.braid.analysis.MptcpCrypto;

/**
 * Writes a raw-IPv4 pcap of one MPTCP v1 bulk transfer as Linux without TSO sends it, of any
 * size, for benchmarks and tests on traces too big to commit: an MP_CAPABLE handshake, an MP_JOIN
 * subflow with correct HMACs, then client data in 1448-byte segments under DSS mappings (DSN and
 * DATA_ACK consistent across the subflows), bursts of mappings alternating between the subflows,
 * a server DATA_ACK every few segments, and a DATA_FIN. {@link Options} says how big it gets, how
 * the data is cut and what is captured of it; by default it is {@code braid bench --big}'s trace,
 * captured at a snap length of 256 like {@code make-traces.sh big}, so 10M packets make about 2 GB.
 */
public final class SyntheticTrace {
    private static final int CLIENT = 0x0a000001;
    private static final int CLIENT_2 = 0x0a000101;
    private static final int SERVER = 0x0a000002;
    private static final int[] CLIENT_PORTS = {40000, 40001};
    private static final int SERVER_PORT = 5201;
    private static final int TCP_ACK = 0x10;
    private static final int TCP_PSH = 0x08;
    private static final int TCP_SYN = 0x02;
    private static final int MPTCP = 30;
    private static final int MSS = 1448;
    private static final int HEADERS = 20 + 20;
    private static final long CLIENT_KEY = 0x1122334455667788L;
    private static final long SERVER_KEY = 0x8877665544332211L;
    private static final int CLIENT_NONCE = 0x5eed5eed;
    private static final int SERVER_NONCE = 0x0feed0fe;

    /**
     * What differs between the traces: where to stop (a number of packets or of bytes, checked
     * before each mapping), the snap length, the mapping size, the mappings sent on one subflow
     * before the scheduler turns to the other, how many client segments a server ACK follows, and
     * the payload (zeros, or pseudorandom from a seed). Besides the limit, the defaults are the
     * bench's: snap length 256, one mapping per segment, bursts of 16, an ACK every second
     * segment, zeros.
     */
    public static final class Options {
        private long maxPackets = Long.MAX_VALUE;
        private long maxBytes = Long.MAX_VALUE;
        private int snaplen = 256;
        private int mappingBytes = MSS;
        private int mappingsPerBurst = 16;
        private int segmentsPerAck = 2;
        private Long payloadSeed;

        private Options() {}

        /** About {@code packets} packets (give or take a handful). */
        public static Options packets(long packets) {
            Options options = new Options();
            options.maxPackets = packets;
            return options;
        }

        /** At least {@code bytes} bytes of file, ending at the first mapping boundary past them. */
        public static Options bytes(long bytes) {
            Options options = new Options();
            options.maxBytes = bytes;
            return options;
        }

        public Options snaplen(int value) {
            snaplen = value;
            return this;
        }

        public Options mappingBytes(int value) {
            mappingBytes = value;
            return this;
        }

        public Options mappingsPerBurst(int value) {
            mappingsPerBurst = value;
            return this;
        }

        public Options segmentsPerAck(int value) {
            segmentsPerAck = value;
            return this;
        }

        /** Pseudorandom client data from {@code seed}, whose SHA-256 {@link Written} then gives. */
        public Options randomPayload(long seed) {
            payloadSeed = seed;
            return this;
        }
    }

    /** What was written: the file's size, its packets, and the SHA-256 (hex) of the client's data if it was random. */
    public record Written(long bytes, long packets, Optional<String> payloadSha256) {}

    private final OutputStream out;
    private final Options options;
    private final ByteBuffer record = ByteBuffer.allocate(16 + 60 + 60 + MSS);
    private final byte[] mapping;
    private final SplittableRandom random;
    private final MessageDigest digest;
    private long micros = 1_700_000_000_000_000L;
    private long packets;
    private long bytes;

    private SyntheticTrace(OutputStream out, Options options) {
        this.out = out;
        this.options = options;
        this.mapping = new byte[options.mappingBytes];
        this.random = options.payloadSeed == null ? null : new SplittableRandom(options.payloadSeed);
        this.digest = random == null ? null : sha256();
    }

    /** Writes the trace {@code options} describe to {@code file}. */
    public static Written write(Path file, Options options) throws IOException {
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            SyntheticTrace trace = new SyntheticTrace(stream, options);
            trace.writeTrace();
            return new Written(trace.bytes, trace.packets,
                    Optional.ofNullable(trace.digest).map(d -> HexFormat.of().formatHex(d.digest())));
        }
    }

    private void writeTrace() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(options.snaplen).putInt(101);
        out.write(header.array());
        bytes = 24;

        long clientIdsn = MptcpCrypto.idsn(1, CLIENT_KEY);
        long serverIdsn = MptcpCrypto.idsn(1, SERVER_KEY);
        long[] clientIsn = {1000, 500_000};
        long[] serverIsn = {9000, 700_000};
        // Subflow 0: MP_CAPABLE v1 handshake.
        packet(0, true, TCP_SYN, clientIsn[0], 0, capable(4, 0, 0), 0, 0);
        packet(0, false, TCP_SYN | TCP_ACK, serverIsn[0], clientIsn[0] + 1, capable(12, SERVER_KEY, 0), 0, 0);
        packet(0, true, TCP_ACK, clientIsn[0] + 1, serverIsn[0] + 1, capable(20, CLIENT_KEY, SERVER_KEY), 0, 0);
        // Subflow 1: MP_JOIN to the server's token; the client (A) sent the join SYN.
        byte[] serverHmac = MptcpCrypto.joinHmac(1, SERVER_KEY, CLIENT_KEY, SERVER_NONCE, CLIENT_NONCE);
        byte[] clientHmac = MptcpCrypto.joinHmac(1, CLIENT_KEY, SERVER_KEY, CLIENT_NONCE, SERVER_NONCE);
        packet(1, true, TCP_SYN, clientIsn[1], 0, option(12, 0x10, 1)
                .putInt((int) MptcpCrypto.token(1, SERVER_KEY)).putInt(CLIENT_NONCE).array(), 0, 0);
        packet(1, false, TCP_SYN | TCP_ACK, serverIsn[1], clientIsn[1] + 1, option(16, 0x10, 0)
                .put(serverHmac, 0, 8).putInt(SERVER_NONCE).array(), 0, 0);
        packet(1, true, TCP_ACK, clientIsn[1] + 1, serverIsn[1] + 1, option(24, 0x10, 0)
                .put(clientHmac, 0, 20).array(), 0, 0);
        packet(1, false, TCP_ACK, serverIsn[1] + 1, clientIsn[1] + 1, dataAck(clientIdsn + 1), 0, 0);

        long[] subflowSent = {0, 0};
        long dataSent = 0;
        long segments = 0;
        int serverAck = (int) (serverIdsn + 1);
        int length = options.mappingBytes;
        for (long mappings = 0; packets < options.maxPackets - 2 && bytes < options.maxBytes; mappings++) {
            int subflow = (int) (mappings / options.mappingsPerBurst) & 1;
            nextPayload();
            long dsn = clientIdsn + 1 + dataSent;
            long ssn = 1 + subflowSent[subflow];
            byte[] dss = option(22, 0x20, 0x0d).putInt(serverAck).putLong(dsn).putInt((int) ssn)
                    .putShort((short) length).array();
            for (int at = 0; at < length; at += MSS) {
                int segment = Math.min(MSS, length - at);
                long end = ssn + at + segment;
                packet(subflow, true, TCP_ACK | TCP_PSH, clientIsn[subflow] + ssn + at, serverIsn[subflow] + 1, dss,
                        at, segment);
                if (++segments % options.segmentsPerAck == 0) {
                    packet(subflow, false, TCP_ACK, serverIsn[subflow] + 1, clientIsn[subflow] + end,
                            dataAck(dsn + at + segment), 0, 0);
                }
            }
            subflowSent[subflow] += length;
            dataSent += length;
        }
        // DATA_FIN: a mapping of length 1 at the end of the data with subflow sequence 0, and its DATA_ACK.
        long end = clientIdsn + 1 + dataSent;
        packet(0, true, TCP_ACK, clientIsn[0] + 1 + subflowSent[0], serverIsn[0] + 1,
                option(22, 0x20, 0x1d).putInt(serverAck).putLong(end).putInt(0).putShort((short) 1).array(), 0, 0);
        packet(0, false, TCP_ACK, serverIsn[0] + 1, clientIsn[0] + 1 + subflowSent[0], dataAck(end + 1), 0, 0);
        out.flush();
    }

    /** The next mapping's data: zeros as they stand, or the next pseudorandom block, counted in the digest. */
    private void nextPayload() {
        if (random != null) {
            random.nextBytes(mapping);
            digest.update(mapping);
        }
    }

    private static ByteBuffer option(int length, int subtypeByte, int secondByte) {
        return ByteBuffer.allocate(length).put((byte) MPTCP).put((byte) length).put((byte) subtypeByte)
                .put((byte) secondByte);
    }

    private static byte[] capable(int length, long key, long otherKey) {
        ByteBuffer option = option(length, 0x01, 0x01);
        if (length >= 12) {
            option.putLong(key);
        }
        if (length >= 20) {
            option.putLong(otherKey);
        }
        return option.array();
    }

    private static byte[] dataAck(long ack) {
        return option(8, 0x20, 0x01).putInt((int) ack).array();
    }

    /** One packet carrying {@code payload} bytes of the current mapping from {@code offset}, cut at the snap length. */
    private void packet(int subflow, boolean fromClient, int flags, long seq, long ack, byte[] options, int offset,
                        int payload) throws IOException {
        int optionLength = (options.length + 3) / 4 * 4;
        int wireLength = HEADERS + optionLength + payload;
        int captured = Math.min(this.options.snaplen, wireLength);
        micros += 10;
        record.clear();
        record.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000))
                .putInt(captured).putInt(wireLength);
        record.order(ByteOrder.BIG_ENDIAN);
        int client = subflow == 0 ? CLIENT : CLIENT_2;
        record.put((byte) 0x45).put((byte) 0).putShort((short) wireLength).putShort((short) packets)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0)
                .putInt(fromClient ? client : SERVER).putInt(fromClient ? SERVER : client);
        record.putShort((short) (fromClient ? CLIENT_PORTS[subflow] : SERVER_PORT))
                .putShort((short) (fromClient ? SERVER_PORT : CLIENT_PORTS[subflow]))
                .putInt((int) seq).putInt((int) ack)
                .putShort((short) ((((20 + optionLength) / 4) << 12) | flags))
                .putShort((short) 65535).putShort((short) 0).putShort((short) 0).put(options);
        for (int i = options.length; i < optionLength; i++) {
            record.put((byte) 1); // NOP padding
        }
        record.put(mapping, offset, captured - (HEADERS + optionLength));
        out.write(record.array(), 0, record.position());
        bytes += record.position();
        packets++;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
