package org.braid.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.braid.io.Frame;
import org.braid.render.DetailNode;
import org.braid.render.DetailTree;
import org.braid.render.PacketText;
import org.junit.jupiter.api.Test;

/**
 * Damaged input never throws, becomes warnings, and nothing the decoder reports lies outside the
 * captured bytes. Frames are placed at the very end of their buffer, after some junk, so a read
 * past the captured bytes throws and a read relative to the buffer start instead of the frame start
 * shows up as wrong values.
 */
class MalformedInputTest {
    private static final int JUNK_BEFORE = 11;
    private static final int[] LINK_TYPES = {LinkType.NULL, LinkType.ETHERNET, LinkType.PPP, LinkType.RAW_OLD_12,
        LinkType.RAW_OLD_14, LinkType.PPP_HDLC, LinkType.RAW, LinkType.LOOP, LinkType.LINUX_SLL, LinkType.IPV4,
        LinkType.IPV6, LinkType.LINUX_SLL2, 147};

    private final PacketDecoder decoder = new PacketDecoder();
    private final DecodedPacket packet = new DecodedPacket();
    private final Frame frame = new Frame();

    /** Real frames covering every link type of the public pcaps and most MPTCP subtypes. */
    private static List<Traces.FrameBytes> realFrames() {
        List<Traces.FrameBytes> frames = new ArrayList<>();
        frames.add(Traces.frame("tcpdump-mptcp-v1.pcap", 3));          // Linux cooked, MP_CAPABLE 20
        frames.add(Traces.frame("tcpdump-mptcp-v1.pcap", 16));         // DSS with DATA_FIN
        frames.add(Traces.frame("tcpdump-mptcp-v0.pcap", 4));          // Ethernet, ADD_ADDR v0 + DSS
        frames.add(Traces.frame("tcpdump-mptcp-v0.pcap", 9));          // MP_JOIN SYN/ACK
        frames.add(Traces.frame("tcpdump-mptcp-v0.pcap", 10));         // MP_JOIN third ACK
        frames.add(Traces.frame("tcpdump-mptcp-aa-v1.pcap", 13));      // ADD_ADDR with HMAC
        frames.add(Traces.frame("tcpdump-mptcp-fclose.pcap", 10));     // MP_FASTCLOSE
        frames.add(Traces.frame("tcpdump-mptcp-tcprst.pcap", 2));      // raw IP, MP_TCPRST
        frames.add(Traces.frame("mptcpanalyzer_iperf-mptcp-0-0.pcap", 24));  // PPP, MP_JOIN SYN
        frames.add(Traces.frame("ptcpdump-mptcp.pcap", 6));            // DSS 4-byte ack, 8-byte DSN
        return frames;
    }

    private DecodedPacket decode(byte[] bytes, int captured, int original, int linkType) {
        ByteBuffer buffer = ByteBuffer.allocate(JUNK_BEFORE + captured);
        for (int i = 0; i < JUNK_BEFORE; i++) {
            buffer.put(i, (byte) 0x5a);
        }
        buffer.put(JUNK_BEFORE, bytes, 0, captured);
        frame.set(buffer, JUNK_BEFORE, captured, original, linkType, 0, 0, 1, 0);
        decoder.decode(frame, packet);
        assertConsistent(packet, captured);
        assertTreeInside(DetailTree.build(frame, packet), captured);
        PacketText.info(packet);
        return packet;
    }

    @Test
    void everyTruncationOfRealFramesWarnsAndNeverThrows() {
        for (Traces.FrameBytes real : realFrames()) {
            byte[] bytes = real.bytes();
            DecodedPacket whole = decode(bytes, bytes.length, bytes.length, real.linkType());
            assertThat(whole.warningCount()).as("warnings of the whole frame").isZero();
            int datagramEnd = whole.ipOffset() + whole.ipDatagramLength();
            assertThat(datagramEnd).as("frames chosen without link-layer padding").isEqualTo(bytes.length);
            int payloadOffset = whole.payloadOffset();
            int wirePayload = whole.payloadWireLength();
            for (int cut = 0; cut < bytes.length; cut++) {
                // Damage: the frame itself is short, so its IP lengths lie.
                DecodedPacket damaged = decode(bytes, cut, cut, real.linkType());
                assertThat(damaged.warningCount()).as("warnings when cut to %d of %d bytes", cut, bytes.length)
                        .isPositive();
                // A snaplen cut: headers cut are warnings, a payload cut is not.
                DecodedPacket snapped = decode(bytes, cut, bytes.length, real.linkType());
                if (cut < payloadOffset) {
                    assertThat(snapped.warningCount()).as("warnings for a header cut at %d", cut).isPositive();
                } else {
                    assertThat(snapped.warningCount()).isZero();
                    assertThat(snapped.payloadWireLength()).isEqualTo(wirePayload);
                    assertThat(snapped.payloadCapturedLength()).isEqualTo(cut - payloadOffset);
                }
            }
        }
    }

    @Test
    void randomGarbageNeverThrowsAndMostlyWarns() {
        Random random = new Random(20261126);
        int rawFrames = 0;
        int rawWarned = 0;
        for (int i = 0; i < 30_000; i++) {
            byte[] bytes = new byte[random.nextInt(160)];
            random.nextBytes(bytes);
            int linkType = LINK_TYPES[random.nextInt(LINK_TYPES.length)];
            DecodedPacket p = decode(bytes, bytes.length, bytes.length, linkType);
            if (linkType == LinkType.RAW) {
                rawFrames++;
                rawWarned += p.warningCount() > 0 ? 1 : 0;
            }
        }
        // Random bytes as raw IP are almost never a consistent datagram: an unknown version, or lengths that lie.
        assertThat(rawWarned).isGreaterThan(rawFrames * 97 / 100);
    }

    @Test
    void randomlyCorruptedRealFramesNeverThrow() {
        Random random = new Random(8684);
        List<Traces.FrameBytes> frames = realFrames();
        int warned = 0;
        int runs = 40_000;
        for (int i = 0; i < runs; i++) {
            Traces.FrameBytes real = frames.get(random.nextInt(frames.size()));
            byte[] bytes = real.bytes().clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            int captured = random.nextInt(4) == 0 ? random.nextInt(bytes.length + 1) : bytes.length;
            warned += decode(bytes, captured, bytes.length, real.linkType()).warningCount() > 0 ? 1 : 0;
        }
        assertThat(warned).as("corrupted frames with warnings").isPositive();
    }

    @Test
    void warningsBeyondTheLimitAreCountedNotStored() {
        // 40 bytes of options, each a 2-byte MPTCP option without a subtype: 20 warnings.
        byte[] options = new byte[40];
        for (int i = 0; i < 40; i += 2) {
            options[i] = 30;
            options[i + 1] = 2;
        }
        DecodedPacket p = Synthetic.decode(LinkType.RAW,
                FrameBuilder.ipv4Tcp(FrameBuilder.tcp(DecodedPacket.TCP_ACK, options, 0)));
        assertThat(p.mptcpOptionCount()).isEqualTo(20);
        assertThat(p.warningCount()).isEqualTo(16);
        assertThat(p.warningsDropped()).isEqualTo(4);
    }

    @Test
    void frameLargerThanItsBufferIsAWarning() {
        DecodedPacket p = new DecodedPacket();
        decoder.decode(ByteBuffer.allocate(10), 4, 20, 20, LinkType.ETHERNET, p);
        assertThat(p.capturedLength()).isEqualTo(6);
        assertThat(p.warningKind(0)).isEqualTo(WarningKind.FRAME_OUTSIDE_BUFFER);
        decoder.decode(ByteBuffer.allocate(10), -3, 5, 5, LinkType.ETHERNET, p);
        assertThat(p.warningCount()).isEqualTo(1);
        assertThat(p.capturedLength()).isZero();
    }

    private static void assertConsistent(DecodedPacket p, int captured) {
        assertThat(p.linkHeaderLength()).isBetween(0, captured);
        for (int i = 0; i < p.tcpOptionCount(); i++) {
            assertThat(p.tcpOptionOffset(i) + p.tcpOptionLength(i)).isLessThanOrEqualTo(captured);
        }
        for (int i = 0; i < p.mptcpOptionCount(); i++) {
            MptcpOption o = p.mptcpOption(i);
            assertThat(o.offset() + o.capturedLength()).isLessThanOrEqualTo(captured);
            assertThat(o.capturedLength()).isLessThanOrEqualTo(o.length());
            assertThat(o.subtype()).isNotNull();
        }
        if (p.hasTcp()) {
            assertThat(p.payloadOffset()).isBetween(0, captured);
            assertThat(p.payloadOffset() + p.payloadCapturedLength()).isLessThanOrEqualTo(captured);
            assertThat(p.payloadWireLength()).isNotNegative();
        }
        for (int i = 0; i < p.warningCount(); i++) {
            assertThat(p.warningOffset(i)).isBetween(0, captured);
            assertThat(p.warning(i).message()).isNotBlank();
        }
    }

    private static void assertTreeInside(List<DetailNode> nodes, int captured) {
        for (DetailNode node : nodes) {
            assertThat(node.offset()).as(node.text()).isNotNegative();
            assertThat(node.offset() + node.length()).as(node.text()).isLessThanOrEqualTo(captured);
            assertTreeInside(node.children(), captured);
        }
    }
}
