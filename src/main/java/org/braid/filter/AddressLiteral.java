package org.braid.filter;

/**
 * Parses IPv4 and IPv6 address literals into the 128-bit form address fields give
 * ({@link PacketFields#ipv4Low}); by hand, because {@link java.net.InetAddress} may resolve names.
 */
final class AddressLiteral {
    final long high;
    final long low;

    private AddressLiteral(long high, long low) {
        this.high = high;
        this.low = low;
    }

    /** The address, or null when {@code text} is not an IPv4 or IPv6 literal. */
    static AddressLiteral parse(String text) {
        if (text.indexOf(':') >= 0) {
            return ipv6(text);
        }
        long v4 = ipv4(text);
        return v4 < 0 ? null : new AddressLiteral(0, PacketFields.ipv4Low((int) v4));
    }

    /** Dotted quad as an unsigned 32-bit value; -1 when malformed. */
    private static long ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return -1;
            }
            value = value << 8 | octet;
        }
        return value;
    }

    private static AddressLiteral ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = gap >= 0 ? groups(text.substring(0, gap)) : groups(text);
        int[] tail = gap >= 0 ? groups(text.substring(gap + 2)) : new int[0];
        if (head == null || tail == null) {
            return null;
        }
        int given = head.length + tail.length;
        if (gap < 0 ? given != 8 : given > 7) {
            return null;
        }
        int[] all = new int[8];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = high << 16 | all[i];
            low = low << 16 | all[i + 4];
        }
        return new AddressLiteral(high, low);
    }

    /** Colon-separated 16-bit groups, the last of which may be a dotted IPv4 address (two groups); null if malformed. */
    private static int[] groups(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] texts = part.split(":", -1);
        boolean v4Tail = texts[texts.length - 1].indexOf('.') >= 0;
        int[] out = new int[texts.length + (v4Tail ? 1 : 0)];
        for (int i = 0; i < texts.length; i++) {
            String group = texts[i];
            if (v4Tail && i == texts.length - 1) {
                long v4 = ipv4(group);
                if (v4 < 0) {
                    return null;
                }
                out[i] = (int) (v4 >>> 16);
                out[i + 1] = (int) (v4 & 0xffff);
            } else {
                if (group.isEmpty() || group.length() > 4) {
                    return null;
                }
                try {
                    out[i] = Integer.parseInt(group, 16);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return out;
    }
}
