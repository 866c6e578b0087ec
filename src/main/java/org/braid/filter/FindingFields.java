package org.braid.filter;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.braid.model.Finding;
import org.braid.model.FindingGroup;
import org.braid.model.FindingKind;
import org.braid.model.FindingSeverity;

/**
 * Fields of the expert findings, true on their evidence packets:
 * <ul>
 *   <li>{@code braid.finding}: the packet is evidence of some finding</li>
 *   <li>{@code braid.finding.group}, e.g. {@code braid.finding.group == "path"}</li>
 *   <li>{@code braid.finding.severity}, e.g. {@code braid.finding.severity == "error"}</li>
 *   <li>{@code braid.finding.kind}, e.g. {@code braid.finding.kind == "path-failure"}</li>
 * </ul>
 * A packet that shows several findings has several values. The index is the sorted evidence packets
 * with a bit mask per field, so a test is a binary search, without allocation.
 */
public final class FindingFields implements FieldResolver {
    private final long[] packets;
    private final long[] groups;
    private final long[] severities;
    private final long[] kinds;
    private final Map<String, Field> fields = new LinkedHashMap<>();

    public FindingFields(List<Finding> findings) {
        TreeMap<Long, long[]> masks = new TreeMap<>();
        for (Finding f : findings) {
            for (long packet : f.evidence().packets()) {
                long[] m = masks.computeIfAbsent(packet, p -> new long[3]);
                m[0] |= 1L << f.group().ordinal();
                m[1] |= 1L << f.severity().ordinal();
                m[2] |= 1L << f.kind().ordinal();
            }
        }
        packets = new long[masks.size()];
        groups = new long[masks.size()];
        severities = new long[masks.size()];
        kinds = new long[masks.size()];
        int i = 0;
        for (Map.Entry<Long, long[]> e : masks.entrySet()) {
            packets[i] = e.getKey();
            groups[i] = e.getValue()[0];
            severities[i] = e.getValue()[1];
            kinds[i] = e.getValue()[2];
            i++;
        }
        fields.put("braid.finding", new Field() {
            @Override
            public FieldType type() { return FieldType.PROTOCOL; }

            @Override
            public boolean needsDecode() { return false; }

            @Override
            public boolean anyMatch(FilterInput input, ValueTest test) {
                return Arrays.binarySearch(packets, input.packetNumber()) >= 0 && test.test(0, 1);
            }
        });
        fields.put("braid.finding.group", new MaskField(groups, names(FindingGroup.values(), FindingGroup::label)));
        fields.put("braid.finding.severity",
                new MaskField(severities, names(FindingSeverity.values(), FindingSeverity::label)));
        fields.put("braid.finding.kind", new MaskField(kinds, names(FindingKind.values(), FindingKind::label)));
    }

    private static <E> List<String> names(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(label).toList();
    }

    @Override
    public Field field(String name) {
        return fields.get(name);
    }

    @Override
    public Collection<String> fieldNames() {
        return fields.keySet();
    }

    /** Values are the set bits of the packet's mask, each the code of a name. */
    private final class MaskField implements NamedField {
        private final long[] masks;
        private final List<String> names;

        MaskField(long[] masks, List<String> names) {
            this.masks = masks;
            this.names = names;
        }

        @Override
        public FieldType type() { return FieldType.NAME; }

        @Override
        public List<String> names() { return names; }

        @Override
        public boolean needsDecode() { return false; }

        @Override
        public boolean anyMatch(FilterInput input, ValueTest test) {
            int at = Arrays.binarySearch(packets, input.packetNumber());
            if (at < 0) {
                return false;
            }
            long mask = masks[at];
            while (mask != 0) {
                int code = Long.numberOfTrailingZeros(mask);
                if (test.test(0, code)) {
                    return true;
                }
                mask &= mask - 1;
            }
            return false;
        }
    }
}
