package org.braid.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.braid.analysis.MptcpCrypto;

/**
 * Writes a raw-IPv4 pcap of one MPTCP v1 bulk transfer as Linux without TSO sends it, of any
 * size, for benchmarks on traces too big to commit: an MP_CAPABLE handshake, an MP_JOIN subflow
 * with correct HMACs, then client data in 1448-byte segments of one DSS mapping each (DSN and
 * DATA_ACK consistent across the subflows), bursts alternating between the subflows, a server
 * DATA_ACK every second segment, and a DATA_FIN. Captured at a snap length of 256 like
 * {@code make-traces.sh big}, so 10M packets make about 2 GB.
 */
final class SyntheticTrace {
    static final int SNAPLEN = 256;
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
    /** Segments sent on one subflow before the scheduler turns to the other. */
    private static final int BURST = 16;
    private static final long CLIENT_KEY = 0x1122334455667788L;
    private static final long SERVER_KEY = 0x8877665544332211L;
    private static final int CLIENT_NONCE = 0x5eed5eed;
    private static final int SERVER_NONCE = 0x0feed0fe;

    private final OutputStream out;
    private final ByteBuffer record = ByteBuffer.allocate(16 + 60 + 60 + MSS);
    private final byte[] zeros = new byte[MSS];
    private long micros = 1_700_000_000_000_000L;
    private long packets;
    private long bytes;

    private SyntheticTrace(OutputStream out) {
        this.out = out;
    }

    /** Writes a trace of {@code packets} packets (give or take a handful) to {@code file}; returns its size in bytes. */
    static long write(Path file, long packets) throws IOException {
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            SyntheticTrace trace = new SyntheticTrace(stream);
            trace.writeTrace(packets);
            return trace.bytes;
        }
    }

    private void writeTrace(long target) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAPLEN).putInt(101);
        out.write(header.array());
        bytes = 24;

        long clientIdsn = MptcpCrypto.idsn(1, CLIENT_KEY);
        long serverIdsn = MptcpCrypto.idsn(1, SERVER_KEY);
        long[] clientIsn = {1000, 500_000};
        long[] serverIsn = {9000, 700_000};
        // Subflow 0: MP_CAPABLE v1 handshake.
        packet(0, true, TCP_SYN, clientIsn[0], 0, capable(4, 0, 0), 0);
        packet(0, false, TCP_SYN | TCP_ACK, serverIsn[0], clientIsn[0] + 1, capable(12, SERVER_KEY, 0), 0);
        packet(0, true, TCP_ACK, clientIsn[0] + 1, serverIsn[0] + 1, capable(20, CLIENT_KEY, SERVER_KEY), 0);
        // Subflow 1: MP_JOIN to the server's token; the client (A) sent the join SYN.
        byte[] serverHmac = MptcpCrypto.joinHmac(1, SERVER_KEY, CLIENT_KEY, SERVER_NONCE, CLIENT_NONCE);
        byte[] clientHmac = MptcpCrypto.joinHmac(1, CLIENT_KEY, SERVER_KEY, CLIENT_NONCE, SERVER_NONCE);
        packet(1, true, TCP_SYN, clientIsn[1], 0, option(12, 0x10, 1)
                .putInt((int) MptcpCrypto.token(1, SERVER_KEY)).putInt(CLIENT_NONCE).array(), 0);
        packet(1, false, TCP_SYN | TCP_ACK, serverIsn[1], clientIsn[1] + 1, option(16, 0x10, 0)
                .put(serverHmac, 0, 8).putInt(SERVER_NONCE).array(), 0);
        packet(1, true, TCP_ACK, clientIsn[1] + 1, serverIsn[1] + 1, option(24, 0x10, 0)
                .put(clientHmac, 0, 20).array(), 0);
        packet(1, false, TCP_ACK, serverIsn[1] + 1, clientIsn[1] + 1, dataAck(clientIdsn + 1), 0);

        long[] subflowSent = {0, 0};
        long dataSent = 0;
        int serverAck = (int) (serverIdsn + 1);
        for (long segment = 0; packets < target - 2; segment++) {
            int subflow = (int) (segment / BURST) & 1;
            long dsn = clientIdsn + 1 + dataSent;
            long ssn = 1 + subflowSent[subflow];
            byte[] dss = option(22, 0x20, 0x0d).putInt(serverAck).putLong(dsn).putInt((int) ssn)
                    .putShort((short) MSS).array();
            packet(subflow, true, TCP_ACK | TCP_PSH, clientIsn[subflow] + ssn, serverIsn[subflow] + 1, dss, MSS);
            subflowSent[subflow] += MSS;
            dataSent += MSS;
            if (segment % 2 == 1) {
                packet(subflow, false, TCP_ACK, serverIsn[subflow] + 1, clientIsn[subflow] + 1 + subflowSent[subflow],
                        dataAck(clientIdsn + 1 + dataSent), 0);
            }
        }
        // DATA_FIN: a mapping of length 1 at the end of the data with subflow sequence 0, and its DATA_ACK.
        long end = clientIdsn + 1 + dataSent;
        packet(0, true, TCP_ACK, clientIsn[0] + 1 + subflowSent[0], serverIsn[0] + 1,
                option(22, 0x20, 0x1d).putInt(serverAck).putLong(end).putInt(0).putShort((short) 1).array(), 0);
        packet(0, false, TCP_ACK, serverIsn[0] + 1, clientIsn[0] + 1 + subflowSent[0], dataAck(end + 1), 0);
        out.flush();
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

    private void packet(int subflow, boolean fromClient, int flags, long seq, long ack, byte[] options, int payload)
            throws IOException {
        int optionLength = (options.length + 3) / 4 * 4;
        int wireLength = 20 + 20 + optionLength + payload;
        int captured = Math.min(SNAPLEN, wireLength);
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
        record.put(zeros, 0, captured - (40 + optionLength));
        out.write(record.array(), 0, record.position());
        bytes += record.position();
        packets++;
    }
}
