package org.braid.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.braid.decode.DecodedPacket;
import org.braid.decode.Traces;
import org.braid.io.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DetailTreeTest {
    /** "Label: 1234" or "Label: 0xabcd", optionally followed by " (...)". */
    private static final Pattern NUMERIC = Pattern.compile("^[^:]+: (0x[0-9a-f]+|\\d+)( \\(.*\\))?$");

    /**
     * Every field (leaf) node that shows a plain number covers bytes holding exactly that number, so a
     * bytes pane highlights the right bytes. Checked on every packet of traces with all subtypes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tcpdump-mptcp-v0.pcap", "tcpdump-mptcp-v1.pcap", "tcpdump-mptcp-aa-v1.pcap",
        "tcpdump-mptcp-aa-echo.pcap", "tcpdump-mptcp-fclose.pcap", "tcpdump-mptcp-tcprst.pcap", "ptcpdump-mptcp.pcap",
        "mptcpanalyzer_iperf-mptcp-0-0.pcap"})
    void numericFieldNodesCoverTheirBytes(String trace) {
        int[] checked = {0};
        Traces.forEach(trace, (frame, packet) -> checked[0] += assertNumericFieldsCoverTheirBytes(frame, packet));
        assertThat(checked[0]).isPositive();
    }

    /** Checks the numeric field nodes of one packet's tree against their bytes; returns how many it checked. */
    static int assertNumericFieldsCoverTheirBytes(Frame frame, DecodedPacket packet) {
        int checked = 0;
        byte[] bytes = frame.copyBytes();
        for (DetailNode node : flatten(DetailTree.build(frame, packet))) {
            Matcher m = NUMERIC.matcher(node.text());
            if (!node.children().isEmpty() || node.length() < 2 || !m.matches()) {
                continue;
            }
            String value = m.group(1);
            BigInteger shown = value.startsWith("0x") ? new BigInteger(value.substring(2), 16) : new BigInteger(value);
            byte[] covered = new byte[node.length()];
            System.arraycopy(bytes, node.offset(), covered, 0, node.length());
            assertThat(new BigInteger(1, covered)).as("frame %d: %s", frame.packetNumber(), node.text())
                    .isEqualTo(shown);
            checked++;
        }
        return checked;
    }

    @Test
    void dssFieldsAreIndentedUnderTheirOption() {
        String text = render("tcpdump-mptcp-v1.pcap", 7);
        assertThat(text).startsWith("Frame 7: 7196 bytes on wire, 7196 bytes captured\n");
        assertThat(text).contains("\n    Link type: Linux cooked (113)\n");
        assertThat(text).contains("\nLinux cooked capture v1\n");
        assertThat(text).contains("\n        Multipath TCP: DSS ack=14413541604287230030 dsn=11713449205243392242 ssn=1 len=8192\n"
                + "            Kind: Multipath TCP (30)\n"
                + "            Length: 26\n"
                + "            Subtype: DSS (2)\n"
                + "            Flags: 0x0f\n"
                + "                F (DATA_FIN): false\n");
        assertThat(text).contains("\n            Data ACK (8 bytes): 14413541604287230030\n");
        assertThat(text).endsWith("TCP payload (7100 bytes on the wire, 7100 captured)\n");
    }

    @Test
    void warningsAreListedWithTheirOffsets() {
        List<DetailNode> tree = tree("tcpdump-mptcp-dss-oobr.pcap", 1);
        DetailNode warnings = tree.get(tree.size() - 1);
        assertThat(warnings.text()).isEqualTo("Warnings: 1");
        assertThat(warnings.children()).singleElement().satisfies(w -> {
            assertThat(w.text()).isEqualTo("Byte 70: MPTCP DSS option has a bad length 3 for its subtype");
            assertThat(w.offset()).isEqualTo(70);
        });
    }

    @Test
    void joinAndCapableFieldsHaveNodes() {
        String join = render("tcpdump-mptcp-v0.pcap", 8);
        assertThat(join).contains("Receiver's token: 0xe47f0142 (3833528642)", "Sender's nonce: 0x1b665a18",
                "Stage: SYN");
        String capable = render("tcpdump-mptcp-v0.pcap", 3);
        assertThat(capable).contains("Sender's key: 0x9c9eabd1e46a33b2", "A (checksum required): true",
                "H (HMAC-SHA1): true");
    }

    private static String render(String trace, long number) {
        return DetailTreeText.render(tree(trace, number));
    }

    private static List<DetailNode> tree(String trace, long number) {
        List<List<DetailNode>> found = new ArrayList<>();
        Traces.forEach(trace, (Frame frame, DecodedPacket packet) -> {
            if (frame.packetNumber() == number) {
                found.add(DetailTree.build(frame, packet));
            }
        });
        return found.get(0);
    }

    static List<DetailNode> flatten(List<DetailNode> nodes) {
        List<DetailNode> out = new ArrayList<>();
        for (DetailNode node : nodes) {
            out.add(node);
            out.addAll(flatten(node.children()));
        }
        return out;
    }
}
