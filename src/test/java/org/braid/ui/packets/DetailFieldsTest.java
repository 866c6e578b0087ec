package org.braid.ui.packets;

import static org.assertj.core.api.Assertions.assertThat;

import org.braid.render.DetailNode;
import org.junit.jupiter.api.Test;

class DetailFieldsTest {
    @Test
    void aLabelledLineBecomesItsFieldAndFirstWord() {
        assertThat(DetailFields.of(DetailNode.leaf("Source port: 443", 34, 2)))
                .hasValue(new DetailFields.DetailField("tcp.srcport", "443"));
        assertThat(DetailFields.of(DetailNode.leaf("Connection: 2 (10.0.0.1:5 \u2192 10.0.0.2:80)", 0, 0)).orElseThrow()
                .filter()).isEqualTo("mptcp.connection == 2");
        assertThat(DetailFields.of(DetailNode.leaf("Frame length: 74 bytes", 0, 0)).orElseThrow().filter())
                .isEqualTo("frame.len == 74");
        // "Relative DSN: " is not read as the absolute "DSN: ".
        assertThat(DetailFields.of(DetailNode.leaf("Relative DSN: 1449", 0, 0)).orElseThrow().name()).isEqualTo("mptcp.dsn");
        assertThat(DetailFields.of(DetailNode.leaf("DSN: 1449", 0, 0)).orElseThrow().name()).isEqualTo("mptcp.dsn.absolute");
    }

    @Test
    void linesWithoutAFieldOrAValueHaveNone() {
        assertThat(DetailFields.of(DetailNode.leaf("Window: 502", 0, 2))).isEmpty();
        assertThat(DetailFields.of(DetailNode.leaf("Source port: ", 0, 2))).isEmpty();
        assertThat(DetailFields.of(null)).isEmpty();
        assertThat(DetailFields.valueText(DetailNode.leaf("Window: 502", 0, 2))).isEqualTo("502");
        assertThat(DetailFields.valueText(DetailNode.leaf("MPTCP analysis", 0, 0))).isEqualTo("MPTCP analysis");
    }
}
