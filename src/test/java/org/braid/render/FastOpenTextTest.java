package org.braid.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.braid.decode.DecodedPacket;
import org.braid.decode.PacketDecoder;
import org.braid.io.Frame;
import org.braid.io.PacketSource;
import org.braid.io.TraceReader;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;

/**
 * The TCP Fast Open option (kind 34) in fastopen.pcap: a cookie request in the first SYN, the
 * cookie in the SYN/ACK and in the second SYN, summarised as tshark 4.0 does ({@code TFO=R},
 * {@code TFO=C}) and shown field by field in the details.
 */
class FastOpenTextTest {
    @Test
    void theOptionIsNamedInTheListAndTheDetails() throws IOException {
        List<String> info = new ArrayList<>();
        List<String> details = new ArrayList<>();
        try (PacketSource source = TraceReader.open(Traces.sampleTrace("fastopen.pcap"))) {
            Frame frame = new Frame();
            DecodedPacket packet = new DecodedPacket();
            PacketDecoder decoder = new PacketDecoder();
            while (source.next(frame) && frame.packetNumber() <= 188) {
                decoder.decode(frame, packet);
                info.add(PacketText.info(packet));
                details.add(DetailTreeText.render(DetailTree.build(frame, packet)));
            }
        }
        assertThat(info.get(0)).contains(" TFO=R;");
        assertThat(info.get(1)).contains(" TFO=C;");
        assertThat(info.get(187)).contains("Len=1000").contains(" TFO=C;");
        assertThat(info.get(2)).doesNotContain("TFO");
        assertThat(details.get(0)).contains("TCP Fast Open").contains("Cookie request");
        assertThat(details.get(187)).contains("Cookie: 0bfd0c7697ba22d7");
    }
}
