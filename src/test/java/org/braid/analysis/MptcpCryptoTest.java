package org.braid.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Tokens and IDSNs from the keys of tcpdump-mptcp-v1.pcap (v1, SHA-256) and tcpdump-mptcp-v0.pcap
 * (v0, SHA-1). The tokens are Wireshark's (expected-tshark.json); the IDSNs were computed with
 * Python's hashlib (least significant 64 bits of the hash) and agree with Wireshark's expected_idsn.
 */
class MptcpCryptoTest {
    private static final long V1_SERVER_KEY = Long.parseUnsignedLong("3001306557161771836");
    private static final long V1_CLIENT_KEY = Long.parseUnsignedLong("2295531734017261039");
    private static final long V0_CLIENT_KEY = Long.parseUnsignedLong("11285646634205721522");
    private static final long V0_SERVER_KEY = Long.parseUnsignedLong("10843866842831127890");

    @Test
    void version1TokensAndIdsnsUseSha256() {
        assertThat(MptcpCrypto.token(1, V1_SERVER_KEY)).isEqualTo(2740809090L);
        assertThat(MptcpCrypto.token(1, V1_CLIENT_KEY)).isEqualTo(597671344L);
        assertThat(Long.toUnsignedString(MptcpCrypto.idsn(1, V1_SERVER_KEY))).isEqualTo("11713449205243392241");
        assertThat(Long.toUnsignedString(MptcpCrypto.idsn(1, V1_CLIENT_KEY))).isEqualTo("14413541604287230029");
    }

    @Test
    void version0TokensAndIdsnsUseSha1() {
        assertThat(MptcpCrypto.token(0, V0_CLIENT_KEY)).isEqualTo(2945910507L);
        assertThat(MptcpCrypto.token(0, V0_SERVER_KEY)).isEqualTo(3833528642L);
        assertThat(Long.toUnsignedString(MptcpCrypto.idsn(0, V0_CLIENT_KEY))).isEqualTo("10975753215851282121");
        assertThat(Long.toUnsignedString(MptcpCrypto.idsn(0, V0_SERVER_KEY))).isEqualTo("16464867208451421327");
    }

    @Test
    void theHashFollowsTheVersion() {
        assertThat(MptcpCrypto.token(0, V1_SERVER_KEY)).isNotEqualTo(MptcpCrypto.token(1, V1_SERVER_KEY));
    }

    @Test
    void joinHmacLengthsFollowTheHash() {
        assertThat(MptcpCrypto.joinHmac(0, 1, 2, 3, 4)).hasSize(20);
        assertThat(MptcpCrypto.joinHmac(1, 1, 2, 3, 4)).hasSize(32);
    }
}
