package org.braid.ui.packets;

import java.util.List;
import java.util.Optional;
import org.braid.render.DetailNode;
import org.braid.render.DetailTree;

/**
 * The display-filter field behind a line of the details tree, for its right-click menu (Apply as
 * Filter, Copy Field Name): the line's label names the field and its first word is the value, as
 * in "Source port: 443" or the analysis's "Connection: 2 (...)". Lines without a filter field have none.
 */
public final class DetailFields {
    /** A field of the filter language and the value the line shows. */
    public record DetailField(String name, String value) {
        /** {@code name == value}. */
        public String filter() {
            return name + " == " + value;
        }
    }

    private record Label(String prefix, String field) {}

    private static final List<Label> LABELS = List.of(
            new Label("Frame length: ", "frame.len"),
            new Label("Source address: ", "ip.src"),
            new Label("Destination address: ", "ip.dst"),
            new Label("Source port: ", "tcp.srcport"),
            new Label("Destination port: ", "tcp.dstport"),
            new Label("Sequence number: ", "tcp.seq"),
            new Label("Sequence number (raw): ", "tcp.seq"),
            new Label("Acknowledgment number: ", "tcp.ack"),
            new Label("Acknowledgment number (raw): ", "tcp.ack"),
            new Label("TCP stream: ", "tcp.stream"),
            new Label("Connection: ", "mptcp.connection"),
            new Label("Subflow: ", "mptcp.subflow"),
            new Label("Relative DSN: ", "mptcp.dsn"),
            new Label("DSN: ", "mptcp.dsn.absolute"));

    private DetailFields() {}

    /** The field and value {@code node} shows; empty when its line has no filter field or no value. */
    public static Optional<DetailField> of(DetailNode node) {
        // tcp.seq and tcp.ack are absolute: a relative number's line has no field (its raw line has).
        if (node == null || node.text().endsWith(DetailTree.RELATIVE_SEQUENCE)
                || node.text().endsWith(DetailTree.RELATIVE_ACKNOWLEDGMENT)) {
            return Optional.empty();
        }
        for (Label label : LABELS) {
            if (node.text().startsWith(label.prefix())) {
                String rest = node.text().substring(label.prefix().length()).trim();
                String value = rest.isEmpty() ? "" : rest.split("\\s+", 2)[0];
                return value.isEmpty() ? Optional.empty() : Optional.of(new DetailField(label.field(), value));
            }
        }
        return Optional.empty();
    }

    /** The value part of a line ("443" of "Source port: 443"), or the whole line when it has no label. */
    public static String valueText(DetailNode node) {
        int colon = node.text().indexOf(": ");
        return colon < 0 ? node.text() : node.text().substring(colon + 2);
    }
}
