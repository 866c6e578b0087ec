package org.braid.filter;

import java.util.Objects;

/** The outcome of parsing a filter text: the filter, or the error that stopped the parse. */
public record FilterResult(Filter filter, FilterError error) {
    public FilterResult {
        if ((filter == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of filter and error must be given");
        }
    }

    public static FilterResult valid(Filter filter) {
        return new FilterResult(Objects.requireNonNull(filter), null);
    }

    public static FilterResult invalid(int position, String reason) {
        return new FilterResult(null, new FilterError(position, reason));
    }

    public boolean isValid() {
        return filter != null;
    }
}
