package org.braid.stream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Writes a large raw-IPv4 pcap of one MPTCP v1 connection as Linux sends it: an MP_CAPABLE
 * handshake, an MP_JOIN subflow, then pseudorandom client data in 16 KB DSS mappings over
 * 1448-byte segments, the blocks alternating between the subflows, with a server ACK (DATA_ACK)
 * every few segments, and a DATA_FIN. Returns the SHA-256 of the client's data stream.
 */
final class SyntheticMptcpTrace {
    private static final int CLIENT = 0x0a000001;
    private static final int CLIENT_2 = 0x0a000101;
    private static final int SERVER = 0x0a000002;
    private static final int[] CLIENT_PORTS = {40000, 40001};
    private static final int SERVER_PORT = 80;
    private static final int TCP_ACK = 0x10;
    private static final int TCP_PSH = 0x08;
    private static final int TCP_SYN = 0x02;
    private static final int MAPPING = 16_384;
    private static final int MSS = 1448;
    private static final long CLIENT_KEY = 0x1122334455667788L;
    private static final long SERVER_KEY = 0x8877665544332211L;

    private final OutputStream out;
    private final ByteBuffer record = ByteBuffer.allocate(16 + 20 + 60 + MSS).order(ByteOrder.LITTLE_ENDIAN);
    private long micros = 1_700_000_000_000_000L;

    private SyntheticMptcpTrace(OutputStream out) {
        this.out = out;
    }

    /** Writes about {@code bytes} of trace to {@code file}; returns the SHA-256 (hex) of the client's data. */
    static String write(Path file, long bytes, long seed) throws IOException {
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            return new SyntheticMptcpTrace(stream).writeTrace(bytes, seed);
        }
    }

    private String writeTrace(long bytes, long seed) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(101);
        out.write(header.array());

        long idsn = low64(sha256(CLIENT_KEY));
        int serverToken = (int) (high64(sha256(SERVER_KEY)) >>> 32);
        long[] clientIsn = {1000, 500_000};
        long[] serverIsn = {9000, 700_000};
        // Subflow 0: MP_CAPABLE v1 handshake.
        packet(0, true, TCP_SYN, clientIsn[0], 0, capable(4, -1, -1), 0, null);
        packet(0, false, TCP_SYN | TCP_ACK, serverIsn[0], clientIsn[0] + 1, capable(12, SERVER_KEY, -1), 0, null);
        packet(0, true, TCP_ACK, clientIsn[0] + 1, serverIsn[0] + 1, capable(20, CLIENT_KEY, SERVER_KEY), 0, null);
        // Subflow 1: MP_JOIN to the server's token.
        packet(1, true, TCP_SYN, clientIsn[1], 0, ByteBuffer.allocate(12).put((byte) 30).put((byte) 12)
                .put((byte) 0x10).put((byte) 1).putInt(serverToken).putInt(0x5eed).array(), 0, null);
        packet(1, false, TCP_SYN | TCP_ACK, serverIsn[1], clientIsn[1] + 1, ByteBuffer.allocate(16).put((byte) 30)
                .put((byte) 16).put((byte) 0x10).put((byte) 0).putLong(0).putInt(0xfeed).array(), 0, null);
        packet(1, true, TCP_ACK, clientIsn[1] + 1, serverIsn[1] + 1, ByteBuffer.allocate(24).put((byte) 30)
                .put((byte) 24).put((byte) 0x10).put((byte) 0).array(), 0, null);

        SplittableRandom random = new SplittableRandom(seed);
        MessageDigest digest = sha256Digest();
        byte[] block = new byte[MAPPING];
        long[] subflowSent = {0, 0};
        long dataSent = 0;
        int segments = 0;
        for (int b = 0; written() < bytes; b++) {
            int subflow = b & 1;
            random.nextBytes(block);
            digest.update(block);
            long dsn = idsn + 1 + dataSent;
            long ssn = 1 + subflowSent[subflow];
            for (int at = 0; at < MAPPING; at += MSS) {
                int length = Math.min(MSS, MAPPING - at);
                ByteBuffer dss = ByteBuffer.allocate(22).put((byte) 30).put((byte) 22).put((byte) 0x20).put((byte) 0x0d)
                        .putInt(0).putLong(dsn).putInt((int) ssn).putShort((short) MAPPING);
                packet(subflow, true, TCP_ACK | TCP_PSH, clientIsn[subflow] + ssn + at, serverIsn[subflow] + 1,
                        dss.array(), length, ByteBuffer.wrap(block, at, length));
                if (++segments % 4 == 0) {
                    long acked = idsn + 1 + dataSent + at + length;
                    packet(subflow, false, TCP_ACK, serverIsn[subflow] + 1, clientIsn[subflow] + ssn + at + length,
                            ByteBuffer.allocate(8).put((byte) 30).put((byte) 8).put((byte) 0x20).put((byte) 0x01)
                                    .putInt((int) acked).array(), 0, null);
                }
            }
            subflowSent[subflow] += MAPPING;
            dataSent += MAPPING;
        }
        // DATA_FIN: a mapping of length 1 at the end of the data, subflow sequence 0.
        packet(0, true, TCP_ACK, clientIsn[0] + 1 + subflowSent[0], serverIsn[0] + 1, ByteBuffer.allocate(22)
                .put((byte) 30).put((byte) 22).put((byte) 0x20).put((byte) 0x1d).putInt(0).putLong(idsn + 1 + dataSent)
                .putInt(0).putShort((short) 1).array(), 0, null);
        out.flush();
        return HexFormat.of().formatHex(digest.digest());
    }

    private long writtenBytes;

    private long written() {
        return writtenBytes;
    }

    private static byte[] capable(int length, long key, long otherKey) {
        ByteBuffer option = ByteBuffer.allocate(length).put((byte) 30).put((byte) length).put((byte) 0x01)
                .put((byte) 0x01);
        if (length >= 12) {
            option.putLong(key);
        }
        if (length >= 20) {
            option.putLong(otherKey);
        }
        return option.array();
    }

    private void packet(int subflow, boolean fromClient, int flags, long seq, long ack, byte[] options, int payload,
                        ByteBuffer data) throws IOException {
        int optionLength = (options.length + 3) / 4 * 4;
        int ipLength = 20 + 20 + optionLength + payload;
        micros += 10;
        record.clear();
        record.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000))
                .putInt(ipLength).putInt(ipLength);
        record.order(ByteOrder.BIG_ENDIAN);
        int client = subflow == 0 ? CLIENT : CLIENT_2;
        record.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putShort((short) 1)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0)
                .putInt(fromClient ? client : SERVER).putInt(fromClient ? SERVER : client);
        record.putShort((short) (fromClient ? CLIENT_PORTS[subflow] : SERVER_PORT))
                .putShort((short) (fromClient ? SERVER_PORT : CLIENT_PORTS[subflow]))
                .putInt((int) seq).putInt((int) ack)
                .putShort((short) ((((20 + optionLength) / 4) << 12) | flags))
                .putShort((short) 65535).putShort((short) 0).putShort((short) 0).put(options);
        for (int i = options.length; i < optionLength; i++) {
            record.put((byte) 1);
        }
        if (data != null) {
            record.put(data);
        }
        out.write(record.array(), 0, record.position());
        writtenBytes += record.position();
    }

    private static byte[] sha256(long key) {
        return sha256Digest().digest(ByteBuffer.allocate(8).putLong(key).array());
    }

    private static long high64(byte[] digest) {
        return ByteBuffer.wrap(digest).getLong(0);
    }

    private static long low64(byte[] digest) {
        return ByteBuffer.wrap(digest).getLong(24);
    }

    private static MessageDigest sha256Digest() {
        return KnownPayload.sha256();
    }
}
