package org.braid.filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Names fields for the parser. The decoder's fields are {@link PacketFields}; the analysis adds
 * its own (connection, stream, reinjection...) through another resolver chained with {@link #or}.
 */
public interface FieldResolver {
    /** The field called {@code name}, or null when this resolver does not know it. */
    Field field(String name);

    /** Every name this resolver knows, for help texts and completion. */
    Collection<String> fieldNames();

    /** A resolver that asks this one first, then {@code next}. */
    default FieldResolver or(FieldResolver next) {
        FieldResolver first = this;
        return new FieldResolver() {
            @Override
            public Field field(String name) {
                Field found = first.field(name);
                return found != null ? found : next.field(name);
            }

            @Override
            public Collection<String> fieldNames() {
                List<String> names = new ArrayList<>(first.fieldNames());
                next.fieldNames().stream().filter(n -> !names.contains(n)).forEach(names::add);
                return names;
            }
        };
    }
}
