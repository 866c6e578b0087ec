package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.braid.model.ChecksumVerdict;
import org.braid.model.DssMappings;
import org.braid.model.UnverifiedReason;
import org.junit.jupiter.api.Test;

class MappingLogTest {
    private static final long[] BASE = {1_000, 5_000};

    @Test
    void findsEveryMappingAddedAmongManyAndNoOther() {
        MappingLog log = new MappingLog();
        int mappings = 50_000; // past a dozen chunks and several index resizes
        for (int i = 0; i < mappings; i++) {
            assertThat(log.find(i % 3, i % 2, 1_000L + i * 1400L, i * 1400L, 1400)).isEqualTo(MappingLog.NOT_FOUND);
            assertThat(log.add(i % 3, i % 2, 1_000L + i * 1400L, i * 1400L, 1400, i + 1, false)).isEqualTo(i);
        }
        for (int i = 0; i < mappings; i += 7) {
            assertThat(log.find(i % 3, i % 2, 1_000L + i * 1400L, i * 1400L, 1400)).isEqualTo(i);
            assertThat(log.find(i % 3, i % 2, 1_000L + i * 1400L, i * 1400L, 1399)).isEqualTo(MappingLog.NOT_FOUND);
        }
        DssMappings model = log.toModel(BASE, List.of());
        assertThat(model.size()).isEqualTo(mappings);
        assertThat(model.firstPacket(mappings - 1)).isEqualTo(mappings);
        assertThat(model.relativeDsn(3)).isEqualTo(1_000L + 3 * 1400L - BASE[1]);
        assertThat(model.checksum(17)).isEqualTo(DssMappings.NO_CHECKSUM);
    }

    @Test
    void aViewTakenDuringThePassReadsPendingMappingsAsUnverifiableUntilSettled() {
        MappingLog log = new MappingLog();
        int pending = log.add(0, 0, 1_000, 0, 100, 1, true);
        log.add(0, 0, 1_100, 100, 100, 2, false);
        DssMappings early = log.toModel(BASE, List.of());
        log.add(0, 0, 1_200, 200, 100, 3, false); // the pass goes on past the view

        assertThat(early.size()).isEqualTo(2);
        assertThat(early.verdict(pending)).isEqualTo(ChecksumVerdict.UNVERIFIABLE);
        assertThat(early.unverifiedReason(pending)).isEqualTo(UnverifiedReason.BYTES_MISSING);
        assertThat(early.unverifiable()).isEqualTo(1);

        log.setVerdict(pending, ChecksumVerdict.FAILED, 0x1234, 0x9e74, null);
        DssMappings late = log.toModel(BASE, List.of());
        assertThat(late.size()).isEqualTo(3);
        assertThat(late.verdict(pending)).isEqualTo(ChecksumVerdict.FAILED);
        assertThat(late.unverifiedReason(pending)).isNull();
        assertThat(late.checksum(pending)).isEqualTo(0x1234);
        assertThat(late.expectedChecksum(pending)).isEqualTo(0x9e74);
        assertThat(late.failed()).isEqualTo(1);
        assertThat(late.unverifiable()).isZero();
    }
}
