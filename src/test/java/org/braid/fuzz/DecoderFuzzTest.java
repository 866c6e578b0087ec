package org.braid.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.braid.decode.DecodedPacket;
import org.braid.decode.LinkType;
import org.braid.decode.PacketDecoder;
import org.braid.io.Frame;
import org.braid.render.DetailTree;
import org.braid.render.DetailTreeText;
import org.braid.render.PacketText;

/**
 * The decoder on any frame of any supported link type: decoding, the one-line summary and the
 * detail tree never throw, whatever the bytes and however short the capture.
 */
class DecoderFuzzTest {
    private static final int[] LINK_TYPES = {LinkType.ETHERNET, LinkType.LINUX_SLL, LinkType.LINUX_SLL2, LinkType.RAW,
        LinkType.IPV4, LinkType.IPV6, LinkType.NULL, LinkType.LOOP, LinkType.PPP, LinkType.PPP_HDLC,
        LinkType.RAW_OLD_12, LinkType.RAW_OLD_14, LinkType.PKTAP};

    private final PacketDecoder decoder = new PacketDecoder();
    private final DecodedPacket packet = new DecodedPacket();
    private final Frame frame = new Frame();

    @FuzzTest(maxDuration = FuzzDuration.DEFAULT)
    void decode(FuzzedDataProvider data) {
        int linkType = data.pickValue(LINK_TYPES);
        int extraWire = data.consumeInt(0, 2000);
        byte[] bytes = data.consumeRemainingAsBytes();
        frame.set(ByteBuffer.wrap(bytes), 0, bytes.length, bytes.length + extraWire, linkType, 0, 0, 1, 0);
        decoder.decode(frame, packet);
        PacketText.info(packet);
        DetailTreeText.render(DetailTree.build(frame, packet));
    }
}
