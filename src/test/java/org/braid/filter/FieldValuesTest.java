package org.braid.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldValuesTest {
    /** A field with fixed values, as a packet with those would give them. */
    private record Fixed(FieldType type, long[][] values) implements Field {
        @Override
        public boolean anyMatch(FilterInput input, ValueTest test) {
            for (long[] value : values) {
                if (test.test(value[0], value[1])) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String text(FieldType type, long[]... values) {
        return FieldValues.text(new Fixed(type, values), new FilterInput());
    }

    @Test
    void numbersAreUnsignedAndRepeatedValuesCommaSeparated() {
        assertThat(text(FieldType.NUMBER, new long[] {0, 443})).isEqualTo("443");
        assertThat(text(FieldType.NUMBER, new long[] {0, 2}, new long[] {0, 4})).isEqualTo("2,4");
        assertThat(text(FieldType.NUMBER, new long[] {0, -1})).isEqualTo("18446744073709551615");
        assertThat(text(FieldType.NUMBER)).isEmpty();
    }

    @Test
    void addressesAreWrittenAsFiltersTakeThem() {
        assertThat(text(FieldType.ADDRESS, new long[] {0, PacketFields.ipv4Low(0x0a000001)})).isEqualTo("10.0.0.1");
        assertThat(text(FieldType.ADDRESS, new long[] {0x20010db800000000L, 1})).isEqualTo("2001:db8::1");
        String v6 = text(FieldType.ADDRESS, new long[] {0x20010db800000000L, 1});
        assertThat(FilterParser.parse("ip.src == " + v6).isValid()).isTrue();
    }

    @Test
    void booleansNamesAndProtocols() {
        assertThat(text(FieldType.BOOLEAN, new long[] {0, 1})).isEqualTo("True");
        assertThat(text(FieldType.BOOLEAN, new long[] {0, 0})).isEqualTo("False");
        assertThat(text(FieldType.PROTOCOL, new long[] {0, 0})).isEqualTo("Yes");
        NamedField named = new NamedField() {
            @Override public FieldType type() { return FieldType.NAME; }
            @Override public List<String> names() { return List.of("alpha", "beta"); }
            @Override public boolean anyMatch(FilterInput input, ValueTest test) { return test.test(0, 1); }
        };
        assertThat(FieldValues.text(named, new FilterInput())).isEqualTo("beta");
    }
}
