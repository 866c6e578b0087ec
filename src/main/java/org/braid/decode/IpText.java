package org.braid.decode;

/** Formats IP addresses stored as primitives (IPv4 as an int, IPv6 as two longs). Off the hot path. */
public final class IpText {
    private IpText() {}

    public static void appendIpv4(StringBuilder out, int address) {
        out.append(address >>> 24).append('.').append((address >>> 16) & 0xff).append('.')
                .append((address >>> 8) & 0xff).append('.').append(address & 0xff);
    }

    /** RFC 5952 text: lower-case hex, the longest run (two or more) of zero groups as "::". */
    public static void appendIpv6(StringBuilder out, long high, long low) {
        int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) (high >>> (48 - 16 * i)) & 0xffff;
            groups[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLength) {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
    }

    /**
     * The low half of an IPv4 address as IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}, high half 0): the
     * one 128-bit form the flow table, the address filters and the ICMP quote key addresses on.
     */
    public static long ipv4Mapped(int address) {
        return 0xffff_0000_0000L | (address & 0xffffffffL);
    }

    /**
     * The text of an address in the 128-bit form {@link #ipv4Mapped} keys on: dotted quad for an
     * IPv4-mapped address, RFC 5952 text otherwise, as the packet list writes them.
     */
    public static String text(long high, long low) {
        return high == 0 && low >>> 32 == ipv4Mapped(0) >>> 32 ? ipv4((int) low) : ipv6(high, low);
    }

    public static String ipv4(int address) {
        StringBuilder out = new StringBuilder(15);
        appendIpv4(out, address);
        return out.toString();
    }

    public static String ipv6(long high, long low) {
        StringBuilder out = new StringBuilder(39);
        appendIpv6(out, high, low);
        return out.toString();
    }
}
