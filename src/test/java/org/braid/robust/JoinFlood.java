package org.braid.robust;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * A hostile trace made on the fly: {@code count} MP_JOIN SYNs, each from a new source port and
 * address with a random token, so every packet opens a new flow and a new (unmatched) connection.
 * Written as a little-endian Ethernet pcap, 82 bytes a packet.
 */
final class JoinFlood {
    private static final int PACKET = 14 + 20 + 32;

    private JoinFlood() {}

    static void write(OutputStream target, int count, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        OutputStream out = new BufferedOutputStream(target, 1 << 16);
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(65535).putInt(1);
        out.write(header.array());
        ByteBuffer record = ByteBuffer.allocate(16 + PACKET);
        for (int i = 0; i < count; i++) {
            record.clear().order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(1_700_000_000 + i / 1000).putInt(i % 1000 * 1000).putInt(PACKET).putInt(PACKET);
            record.order(ByteOrder.BIG_ENDIAN);
            record.put(new byte[] {2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2}).putShort((short) 0x0800);
            // IPv4: a source address per 60,000 ports, so every SYN is a new 4-tuple
            record.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 32)).putShort((short) i)
                    .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0)
                    .putInt(0x0a000000 | (i / 60_000)).putInt(0xc0000202);
            // TCP SYN with MP_JOIN (kind 30, length 12, subtype 1): random token and nonce
            record.putShort((short) (1024 + i % 60_000)).putShort((short) 5201).putInt(random.nextInt()).putInt(0)
                    .put((byte) 0x80).put((byte) 0x02).putShort((short) 64240).putShort((short) 0).putShort((short) 0)
                    .put((byte) 30).put((byte) 12).put((byte) 0x10).put((byte) 1)
                    .putInt(random.nextInt()).putInt(random.nextInt());
            out.write(record.array(), 0, record.position());
        }
        out.flush();
    }

    /** Writes the flood to standard output: {@code java JoinFlood COUNT | braid analyze -}. */
    public static void main(String[] args) throws IOException {
        write(System.out, Integer.parseInt(args[0]), 1);
    }
}
