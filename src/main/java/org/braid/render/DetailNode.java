package org.braid.render;

import java.util.List;

/**
 * One line of the packet details tree: its text and the bytes it covers (offset and length
 * relative to the frame start, so a bytes pane can highlight them), with its sub-fields.
 */
public record DetailNode(String text, int offset, int length, List<DetailNode> children) {
    public DetailNode {
        children = List.copyOf(children);
    }

    public static DetailNode leaf(String text, int offset, int length) {
        return new DetailNode(text, offset, length, List.of());
    }
}
