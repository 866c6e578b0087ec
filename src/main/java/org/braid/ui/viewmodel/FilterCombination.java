package org.braid.ui.viewmodel;

/** How "Apply/Prepare as Filter" joins a picked filter with the one in the bar, as Wireshark's submenu does. */
public enum FilterCombination {
    SELECTED("Selected"),
    NOT_SELECTED("Not Selected"),
    AND_SELECTED("\u2026and Selected"),
    OR_SELECTED("\u2026or Selected");

    private final String label;

    FilterCombination(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The filter {@code picked} makes with {@code current}, the bar's text. */
    public String combine(String current, String picked) {
        String bar = current == null ? "" : current.trim();
        return switch (this) {
            case SELECTED -> picked;
            case NOT_SELECTED -> "!(" + picked + ")";
            case AND_SELECTED -> bar.isEmpty() ? picked : "(" + bar + ") && " + picked;
            case OR_SELECTED -> bar.isEmpty() ? picked : "(" + bar + ") || " + picked;
        };
    }
}
