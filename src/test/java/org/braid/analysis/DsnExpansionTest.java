package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expanding 32-bit DSN and DATA_ACK values against the last 64-bit value, across 2^32 boundaries. */
class DsnExpansionTest {
    private static final long BLOCK = 0x0000_0007_0000_0000L;

    @Test
    void sameBlockKeepsTheUpperBits() {
        assertThat(DsnExpansion.expand(BLOCK | 0x1000, 0x2000)).isEqualTo(BLOCK | 0x2000);
    }

    @Test
    void forwardAcrossTheWrapMovesToTheNextBlock() {
        long last = BLOCK | 0xffff_ff00L;
        assertThat(DsnExpansion.expand(last, 0x0000_0100L)).isEqualTo(BLOCK + 0x1_0000_0100L);
    }

    @Test
    void lateRetransmissionJustBeforeTheWrapStaysInThePreviousBlock() {
        long last = BLOCK | 0x0000_0100L;
        assertThat(DsnExpansion.expand(last, 0xffff_ff00L)).isEqualTo(BLOCK - 0x100L);
    }

    @Test
    void wrapOfTheWhole64BitSpace() {
        long last = 0xffff_ffff_ffff_ff00L;
        assertThat(DsnExpansion.expand(last, 0x10)).isEqualTo(0x10L);
        assertThat(DsnExpansion.expand(0x10L, 0xffff_ff00L)).isEqualTo(last);
    }
}
