package org.braid.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** RFC 5952 text for IPv6, dotted quads for IPv4. */
class IpTextTest {
    private static String v6(String hex) {
        ByteBuffer b = ByteBuffer.wrap(Synthetic.hex(hex));
        return IpText.ipv6(b.getLong(0), b.getLong(8));
    }

    @Test
    void ipv6Compression() {
        assertThat(v6("00000000000000000000000000000000")).isEqualTo("::");
        assertThat(v6("00000000000000000000000000000001")).isEqualTo("::1");
        assertThat(v6("20010db8000000000000000000000000")).isEqualTo("2001:db8::");
        // A single zero group is not compressed; of two equal runs the first is.
        assertThat(v6("20010db8000000010001000100010001")).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(v6("20010db8000000000001000000000001")).isEqualTo("2001:db8::1:0:0:1");
        // The longest run wins even when it comes later.
        assertThat(v6("20010000000100000000000000000001")).isEqualTo("2001:0:1::1");
        assertThat(v6("fe800000000000000200ff00fe000001")).isEqualTo("fe80::200:ff00:fe00:1");
    }

    @Test
    void ipv4IsUnsigned() {
        assertThat(IpText.ipv4(0xffffff01)).isEqualTo("255.255.255.1");
        assertThat(IpText.ipv4(0x0a000001)).isEqualTo("10.0.0.1");
    }
}
