package org.braid.render;

import java.util.ArrayList;
import java.util.List;

/** A details-tree node under construction: collects children, then freezes into a {@link DetailNode}. */
final class Branch {
    private final String text;
    private final int offset;
    private final int length;
    private final List<DetailNode> children = new ArrayList<>();

    Branch(String text, int offset, int length) {
        this.text = text;
        this.offset = offset;
        this.length = Math.max(0, length);
    }

    Branch leaf(String childText, int childOffset, int childLength) {
        children.add(DetailNode.leaf(childText, childOffset, Math.max(0, childLength)));
        return this;
    }

    Branch child(Branch child) {
        children.add(child.node());
        return this;
    }

    Branch child(DetailNode child) {
        children.add(child);
        return this;
    }

    DetailNode node() {
        return new DetailNode(text, offset, length, children);
    }
}
