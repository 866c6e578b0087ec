package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.braid.model.BackupChange;
import org.braid.model.ConnectionEndReason;
import org.braid.model.EndReason;
import org.braid.model.EventType;
import org.braid.model.MptcpConnection;
import org.braid.model.Subflow;
import org.braid.testing.Traces;
import org.junit.jupiter.api.Test;

/**
 * How connections and subflows end, MP_PRIO backup changes and ADD_ADDR HMACs on the real traces;
 * frame numbers come from sample-traces/README.md.
 */
class LifecycleTest {
    @Test
    void fastcloseEndsTheConnectionAndResetsEverySubflowWithItsReason() {
        MptcpConnection c = only("fastclose.pcap");
        assertThat(c.lifecycle().end().reason()).isEqualTo(ConnectionEndReason.MP_FASTCLOSE);
        assertThat(c.lifecycle().end().packet()).isEqualTo(471);
        assertThat(c.subflows()).extracting(s -> s.lifecycle().endPacket()).containsExactly(471L, 472L);
        assertThat(c.subflows()).allSatisfy(s -> {
            assertThat(s.end()).isEqualTo(EndReason.RST);
            assertThat(s.lifecycle().resetReason()).isZero();
            assertThat(s.lifecycle().resetReasonName()).isEqualTo("unspecified error");
        });
        assertThat(c.lifecycle().fallback()).isNull();
    }

    @Test
    void mpPrioTurnsTheJoinIntoABackupAndBack() {
        MptcpConnection c = only("mp-prio-backup.pcap");
        Subflow join = c.subflows().get(1);
        assertThat(join.join()).isTrue();
        assertThat(join.lifecycle().backupChanges()).extracting(BackupChange::packet, BackupChange::backup,
                BackupChange::byClient).containsExactly(
                        tuple(506L, true, true),
                        tuple(953L, false, true));
        assertThat(join.lifecycle().finalBackup()).isFalse();
        assertThat(c.subflows().get(0).lifecycle().backupChanges()).isEmpty();
        assertThat(c.lifecycle().end().reason()).isEqualTo(ConnectionEndReason.DATA_FIN);
    }

    @Test
    void removedAddressSubflowIsResetWhileTheConnectionEndsWithDataFins() {
        MptcpConnection c = only("add-addr-remove-addr.pcap");
        Subflow join = c.subflows().get(1);
        assertThat(join.end()).isEqualTo(EndReason.RST);
        assertThat(join.lifecycle().endPacket()).isEqualTo(1135);
        assertThat(join.lifecycle().resetReason()).isZero();
        assertThat(c.subflows().get(0).end()).isEqualTo(EndReason.FIN);
        assertThat(c.lifecycle().end().reason()).isEqualTo(ConnectionEndReason.DATA_FIN);
        // Frame 4: ADD_ADDR with the HMAC of Linux 6.18 (RFC 8684: rightmost 64 bits).
        assertThat(c.lifecycle().addAddrHmacVerified()).isEqualTo(1);
        assertThat(c.lifecycle().addAddrHmacFailed() + c.lifecycle().addAddrHmacLeftmost()).isZero();
    }

    @Test
    void middleboxResetCarriesItsReason() {
        Subflow join = only("checksum-fail-two-subflows.pcap").subflows().get(1);
        assertThat(join.lifecycle().endPacket()).isEqualTo(195);
        assertThat(join.lifecycle().resetReason()).isEqualTo(6);
        assertThat(join.lifecycle().resetReasonName()).isEqualTo("middlebox interference");
    }

    @Test
    void stalledConnectionAfterMpFailIsHalfClosedByTheServersDataFin() {
        MptcpConnection c = only("checksum-fail-one-subflow.pcap");
        assertThat(c.lifecycle().end().reason()).isEqualTo(ConnectionEndReason.HALF_CLOSED);
        assertThat(c.lifecycle().end().packet()).isEqualTo(136);
        assertThat(c.subflows().get(0).end()).isEqualTo(EndReason.OPEN);
        assertThat(c.subflows().get(0).lifecycle().endPacket()).isNull();
    }

    @Test
    void cleanTransfersEndWithBothDataFinsAcknowledged() {
        for (String trace : new String[] {"two-subflows.pcap", "three-subflows.pcap", "dss-checksum.pcap",
                "headers-only-s96.pcap"}) {
            MptcpConnection c = only(trace);
            assertThat(c.lifecycle().end().reason()).as(trace).isEqualTo(ConnectionEndReason.DATA_FIN);
            assertThat(c.lifecycle().fallback()).as(trace).isNull();
        }
        assertThat(Analysis.of(Traces.sampleTrace("many-connections.pcap")).connections())
                .allSatisfy(c -> assertThat(c.lifecycle().end().reason()).isEqualTo(ConnectionEndReason.DATA_FIN));
    }

    /**
     * This ADD_ADDR's HMAC matches the keys in its leftmost 64 bits, as Linux computed it before
     * the fix to the rightmost bits RFC 8684 3.4.1 asks for: authentic, counted apart.
     */
    @Test
    void publicAddAddrFromAnEarlyKernelMatchesInItsLeftmostBits() {
        MptcpConnection c = Analysis.of(Traces.publicTrace("tcpdump-mptcp-aa-v1.pcap")).connections().get(0);
        assertThat(c.lifecycle().addAddrHmacLeftmost()).isEqualTo(1);
        assertThat(c.lifecycle().addAddrHmacVerified() + c.lifecycle().addAddrHmacFailed()).isZero();
        assertThat(c.events()).anySatisfy(e -> assertThat(e.type()).isEqualTo(EventType.ADD_ADDR_HMAC_LEFTMOST));
    }

    /** A v0 ADD_ADDR carries no HMAC: nothing to check (the trace reuses address id 2 for two addresses). */
    @Test
    void publicV0AddAddrHasNoHmacToCheck() {
        MptcpConnection c = Analysis.of(Traces.publicTrace("dpi-mptcp-wrongAdd_Addr.pcap")).connections().get(0);
        assertThat(c.version()).isZero();
        assertThat(c.lifecycle().addAddrHmacVerified() + c.lifecycle().addAddrHmacFailed()
                + c.lifecycle().addAddrHmacLeftmost()).isZero();
    }

    @Test
    void publicTcpRstKeepsTheFirstReason() {
        MptcpConnection c = Analysis.of(Traces.publicTrace("tcpdump-mptcp-tcprst.pcap")).connections().get(0);
        assertThat(c.subflows().get(0).lifecycle().resetReason()).isZero();
        assertThat(c.lifecycle().end().reason()).isEqualTo(ConnectionEndReason.RESET);
    }

    private static MptcpConnection only(String sampleTrace) {
        var connections = Analysis.of(Traces.sampleTrace(sampleTrace)).connections();
        assertThat(connections).hasSize(1);
        return connections.get(0);
    }
}
