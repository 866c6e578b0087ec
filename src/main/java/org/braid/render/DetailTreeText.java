package org.braid.render;

import java.util.List;

/** Renders a details tree as indented plain text, four spaces per level, for {@code braid packets -V}. */
public final class DetailTreeText {
    private static final String INDENT = "    ";

    private DetailTreeText() {}

    public static String render(List<DetailNode> roots) {
        StringBuilder out = new StringBuilder(2048);
        for (DetailNode root : roots) {
            append(out, root, 0);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, DetailNode node, int depth) {
        out.append(INDENT.repeat(depth)).append(node.text()).append('\n');
        for (DetailNode child : node.children()) {
            append(out, child, depth + 1);
        }
    }
}
