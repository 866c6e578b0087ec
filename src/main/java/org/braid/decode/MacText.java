package org.braid.decode;

/** Formats 48-bit MAC addresses kept in a long as {@code 02:00:00:00:00:0a}. Off the hot path. */
public final class MacText {
    public static final long BROADCAST = 0xffff_ffff_ffffL;

    private MacText() {}

    public static String mac(long address) {
        StringBuilder out = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            int b = (int) (address >>> shift) & 0xff;
            if (shift < 40) {
                out.append(':');
            }
            out.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return out.toString();
    }
}
