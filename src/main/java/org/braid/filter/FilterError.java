package org.braid.filter;

/** Why a filter text is invalid: the 0-based character position of the problem and a reason in words. */
public record FilterError(int position, String reason) {
    /** For display: "column 5: unknown field 'ip.adr'" (columns count from 1). */
    @Override
    public String toString() {
        return "column " + (position + 1) + ": " + reason;
    }
}
