package org.braid.decode;

/** Wireshark's names for ICMP (RFC 792) and ICMPv6 (RFC 4443, 4861, 3810) types and codes. */
public final class IcmpNames {
    private IcmpNames() {}

    /** The message type's name, or null for a type without one here. */
    public static String type(boolean v6, int type) {
        return v6 ? v6Type(type) : v4Type(type);
    }

    /** The code's name for types whose codes have names (unreachable, time exceeded...), or null. */
    public static String code(boolean v6, int type, int code) {
        return v6 ? v6Code(type, code) : v4Code(type, code);
    }

    /**
     * The type's name and the code's in parentheses, as the packet list's Info shows an error:
     * {@code Destination unreachable (Fragmentation needed)}.
     */
    public static String name(boolean v6, int type, int code) {
        return typeOrUnknown(v6, type) + codeSuffix(v6, type, code);
    }

    /** The type's name, or {@code Unknown ICMP type N} as Wireshark says it. */
    public static String typeOrUnknown(boolean v6, int type) {
        String name = type(v6, type);
        return name != null ? name : (v6 ? "Unknown ICMPv6 type " : "Unknown ICMP type ") + type;
    }

    /** {@code " (Port unreachable)"}, {@code " (code 7)"} for a code without a name, or nothing for code 0. */
    public static String codeSuffix(boolean v6, int type, int code) {
        String name = code(v6, type, code);
        return name != null ? " (" + name + ")" : code != 0 ? " (code " + code + ")" : "";
    }

    private static String v4Type(int type) {
        return switch (type) {
            case 0 -> "Echo (ping) reply";
            case 3 -> "Destination unreachable";
            case 4 -> "Source quench (flow control)";
            case 5 -> "Redirect";
            case 8 -> "Echo (ping) request";
            case 9 -> "Router advertisement";
            case 10 -> "Router solicitation";
            case 11 -> "Time-to-live exceeded";
            case 12 -> "Parameter problem";
            case 13 -> "Timestamp request";
            case 14 -> "Timestamp reply";
            default -> null;
        };
    }

    private static String v4Code(int type, int code) {
        if (type == 3) {
            return switch (code) {
                case 0 -> "Network unreachable";
                case 1 -> "Host unreachable";
                case 2 -> "Protocol unreachable";
                case 3 -> "Port unreachable";
                case 4 -> "Fragmentation needed";
                case 5 -> "Source route failed";
                case 6 -> "Destination network unknown";
                case 7 -> "Destination host unknown";
                case 9 -> "Destination network administratively prohibited";
                case 10 -> "Destination host administratively prohibited";
                case 13 -> "Communication administratively filtered";
                default -> null;
            };
        }
        if (type == 11) {
            return code == 0 ? "Time to live exceeded in transit"
                    : code == 1 ? "Fragment reassembly time exceeded" : null;
        }
        if (type == 5) {
            return switch (code) {
                case 0 -> "Redirect for network";
                case 1 -> "Redirect for host";
                default -> null;
            };
        }
        return null;
    }

    private static String v6Type(int type) {
        return switch (type) {
            case 1 -> "Destination Unreachable";
            case 2 -> "Packet Too Big";
            case 3 -> "Time Exceeded";
            case 4 -> "Parameter Problem";
            case 128 -> "Echo (ping) request";
            case 129 -> "Echo (ping) reply";
            case 130 -> "Multicast Listener Query";
            case 131 -> "Multicast Listener Report";
            case 132 -> "Multicast Listener Done";
            case 133 -> "Router Solicitation";
            case 134 -> "Router Advertisement";
            case 135 -> "Neighbor Solicitation";
            case 136 -> "Neighbor Advertisement";
            case 137 -> "Redirect";
            case 143 -> "Multicast Listener Report Message v2";
            default -> null;
        };
    }

    private static String v6Code(int type, int code) {
        if (type == 1) {
            return switch (code) {
                case 0 -> "no route to destination";
                case 1 -> "Communication with destination administratively prohibited";
                case 2 -> "Beyond scope of source address";
                case 3 -> "Address unreachable";
                case 4 -> "Port unreachable";
                case 5 -> "Source address failed ingress/egress policy";
                case 6 -> "Reject route to destination";
                default -> null;
            };
        }
        if (type == 3) {
            return code == 0 ? "Hop limit exceeded in transit"
                    : code == 1 ? "Fragment reassembly time exceeded" : null;
        }
        if (type == 4) {
            return switch (code) {
                case 0 -> "Erroneous header field encountered";
                case 1 -> "Unrecognized Next Header type encountered";
                case 2 -> "Unrecognized IPv6 option encountered";
                default -> null;
            };
        }
        return null;
    }
}
