package org.braid.ui.bytes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HexDumpTest {
    private static final byte[] BYTES = new byte[40];

    static {
        for (int i = 0; i < BYTES.length; i++) {
            BYTES[i] = (byte) (0x41 + i);
        }
    }

    @Test
    void layoutIsOffsetHexAndAscii() {
        String[] lines = HexDump.text(BYTES).split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("0000  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  ABCDEFGHIJKLMNOP");
        assertThat(lines[2]).startsWith("0020  61 62 63 64 65 66 67 68  ").endsWith(" abcdefgh");
        assertThat(lines[2]).hasSize(lines[0].length() - 8);
    }

    @Test
    void highlightCoversTheRangeInHexAndAscii() {
        List<HexDump.Segment> segments = HexDump.segments(BYTES, 14, 4);
        assertThat(segments.stream().map(HexDump.Segment::text).collect(Collectors.joining()))
                .isEqualTo(HexDump.text(BYTES));
        List<String> lit = segments.stream().filter(HexDump.Segment::highlighted).map(HexDump.Segment::text).toList();
        // Bytes 14-15 end line one, bytes 16-17 start line two.
        assertThat(lit).containsExactly("4f 50", "OP", "51 52", "QR");
    }

    @Test
    void emptyOrOutsideRangesHighlightNothing() {
        assertThat(HexDump.segments(BYTES, 5, 0)).noneMatch(HexDump.Segment::highlighted);
        assertThat(HexDump.segments(BYTES, 400, 10)).noneMatch(HexDump.Segment::highlighted);
        assertThat(HexDump.segments(new byte[0], 0, 10)).isEmpty();
        List<String> clipped = HexDump.segments(BYTES, 38, 100).stream()
                .filter(HexDump.Segment::highlighted).map(HexDump.Segment::text).toList();
        assertThat(clipped).containsExactly("67 68", "gh");
    }
}
