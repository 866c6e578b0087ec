package org.braid.analysis;

import java.nio.ByteBuffer;
import org.braid.decode.DecodedPacket;
import org.braid.decode.LinkType;
import org.braid.decode.PacketDecoder;
import org.braid.io.Frame;

/**
 * Builds raw-IPv4 TCP frames between a client 10.0.0.1:1000 and a server 10.0.0.2:80 (or other
 * ports), with MPTCP options, and feeds them to an analyzer one at a time, as a capture would.
 */
final class SyntheticPackets {
    static final int CLIENT = 0x0a000001;
    static final int SERVER = 0x0a000002;

    private final PacketPass.Listener listener;
    private final PacketDecoder decoder = new PacketDecoder();
    private final Frame frame = new Frame();
    private final DecodedPacket packet = new DecodedPacket();
    private long number;
    private int clientPort = 1000;

    SyntheticPackets(PacketPass.Listener listener) {
        this.listener = listener;
    }

    void clientPort(int port) {
        clientPort = port;
    }

    /** Sends one packet; every packet is 1 ms after the previous one. */
    void send(boolean fromClient, int flags, long seq, long ack, byte[] options, int payload) {
        feed(frame(fromClient, clientPort, flags, seq, ack, options, payload));
    }

    void feed(byte[] bytes) {
        number++;
        frame.set(ByteBuffer.wrap(bytes), 0, bytes.length, bytes.length, LinkType.RAW, 0, number * 1_000_000L, number, 0);
        decoder.decode(frame, packet);
        listener.onPacket(frame, packet);
    }

    static byte[] frame(boolean fromClient, int clientPort, int flags, long seq, long ack, byte[] options, int payload) {
        int optionLength = (options.length + 3) / 4 * 4;
        int tcpLength = 20 + optionLength + payload;
        ByteBuffer b = ByteBuffer.allocate(20 + tcpLength);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + tcpLength)).putShort((short) 1);
        b.putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0);
        b.putInt(fromClient ? CLIENT : SERVER).putInt(fromClient ? SERVER : CLIENT);
        b.putShort((short) (fromClient ? clientPort : 80)).putShort((short) (fromClient ? 80 : clientPort));
        b.putInt((int) seq).putInt((int) ack);
        b.putShort((short) ((((20 + optionLength) / 4) << 12) | flags));
        b.putShort((short) 65535).putShort((short) 0).putShort((short) 0);
        b.put(options);
        for (int i = options.length; i < optionLength; i++) {
            b.put((byte) 1);
        }
        return b.array();
    }

    /** MP_CAPABLE v1: SYN (no key), SYN/ACK (server key), third ACK (both keys). */
    static byte[] capableSyn() {
        return new byte[] {30, 4, 0x01, 0x01};
    }

    static byte[] capableSynAck(long serverKey) {
        return ByteBuffer.allocate(12).put((byte) 30).put((byte) 12).put((byte) 0x01).put((byte) 0x01)
                .putLong(serverKey).array();
    }

    static byte[] capableAck(long clientKey, long serverKey) {
        return ByteBuffer.allocate(20).put((byte) 30).put((byte) 20).put((byte) 0x01).put((byte) 0x01)
                .putLong(clientKey).putLong(serverKey).array();
    }

    /** DSS with a 4-byte DATA_ACK and a mapping with a 4-byte DSN, no checksum. */
    static byte[] dss4(long dataAck, long dsn, long subflowSeq, int length) {
        return ByteBuffer.allocate(18).put((byte) 30).put((byte) 18).put((byte) 0x20)
                .put((byte) 0x05).putInt((int) dataAck).putInt((int) dsn).putInt((int) subflowSeq)
                .putShort((short) length).array();
    }

    /** DSS with a 4-byte DATA_ACK and a mapping with an 8-byte DSN, no checksum. */
    static byte[] dss8(long dataAck, long dsn, long subflowSeq, int length) {
        return ByteBuffer.allocate(22).put((byte) 30).put((byte) 22).put((byte) 0x20)
                .put((byte) 0x0d).putInt((int) dataAck).putLong(dsn).putInt((int) subflowSeq)
                .putShort((short) length).array();
    }
}
