package org.braid.capture;

import java.util.List;

/**
 * An interface libpcap can capture on.
 *
 * @param name        the name to capture on ({@code eth0}, {@code any})
 * @param description libpcap's description, or null
 * @param addresses   its IPv4 and IPv6 addresses, as text
 * @param loopback    the loopback interface
 * @param up          administratively up
 * @param running     up with a carrier
 */
public record CaptureInterface(String name, String description, List<String> addresses, boolean loopback,
        boolean up, boolean running) {
    public CaptureInterface {
        addresses = List.copyOf(addresses);
    }

    /** One line for a list: name, flags, addresses and description. */
    public String describe() {
        StringBuilder text = new StringBuilder(name);
        text.append(up ? (running ? "  up" : "  up, no carrier") : "  down");
        if (loopback) {
            text.append(", loopback");
        }
        if (!addresses.isEmpty()) {
            text.append("  ").append(String.join(" ", addresses));
        }
        if (description != null && !description.isBlank()) {
            text.append("  (").append(description).append(')');
        }
        return text.toString();
    }
}
