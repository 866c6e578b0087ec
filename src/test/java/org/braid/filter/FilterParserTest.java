package org.braid.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the parser accepts, and where and why it rejects the rest. */
class FilterParserTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "mptcp", "tcp.port == 80", "tcp.port==0x50", "!mptcp", "not mptcp",
        "mptcp && tcp.len > 0", "mptcp and tcp.len gt 0", "tcp.flags.syn == 1 || tcp.flags.rst == true",
        "(ip.src == 10.0.0.1 or ip.dst == 10.0.0.2) and !(tcp.port != 443)",
        "ip.addr == fe80::1", "ip.addr == ::ffff:10.1.2.3", "ip.addr == 2001:db8:0:0:0:0:0:1", "ip.addr == ::",
        "mptcp.dsn >= 18446744073709551615", "mptcp.dsn == 0xffffffffffffffff", "frame.number <= 10",
        "!!!tcp", "((((mptcp))))", "tcp.seq ne 5 && tcp.ack le 9"
    })
    void acceptsValidFilters(String text) {
        FilterResult result = FilterParser.parse(text);
        assertThat(result.isValid()).as(String.valueOf(result.error())).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ip.adr == 1.2.3.4|0|unknown field 'ip.adr'",
        "tcp.port ==|11|a value is missing after ==",
        "tcp.port == 80 &&|17|expression ends where a field was expected",
        "(mptcp|6|missing ')'",
        "mptcp)|5|')' without a matching '('",
        "mptcp == 1|6|can only be tested for presence",
        "ip.addr > 10.0.0.1|8|only be compared with == or !=",
        "ip.addr == 10.0.0.256|11|not an IPv4 or IPv6 address",
        "ip.addr == 1::2::3|11|not an IPv4 or IPv6 address",
        "ip.addr == 1:2:3:4:5:6:7:8:9|11|not an IPv4 or IPv6 address",
        "tcp.port == http|12|not an integer",
        "tcp.port == 99999999999999999999|12|not an integer",
        "tcp.flags.syn == yes|17|not 0, 1, true or false",
        "tcp.port == 80 tcp|15|expected && or ||",
        "tcp.port = 80|9|'=' is not an operator; compare with ==",
        "mptcp # 1|6|unexpected character '#'",
        "10.0.0.1|0|is a value",
        "&& mptcp|0|expected a field but found '&&'",
        "tcp.port == (80)|12|expected a value after == but found '('"
    })
    void rejectsWithPositionAndReason(String text, int position, String reason) {
        FilterResult result = FilterParser.parse(text);
        assertThat(result.isValid()).isFalse();
        assertThat(result.error().reason()).contains(reason);
        assertThat(result.error().position()).isEqualTo(position);
    }

    @Test
    void errorsSayTheirColumn() {
        assertThat(FilterParser.parse("mptcp.subtyp == 2").error())
                .hasToString("column 1: unknown field 'mptcp.subtyp'");
    }

    @Test
    void addressLiteralsBecomeTheirIpv6Form() {
        AddressLiteral v6 = AddressLiteral.parse("2001:db8::ff00:42:8329");
        assertThat(v6.high).isEqualTo(0x2001_0db8_0000_0000L);
        assertThat(v6.low).isEqualTo(0x0000_ff00_0042_8329L);
        AddressLiteral v4 = AddressLiteral.parse("192.168.1.2");
        assertThat(v4.high).isZero();
        assertThat(v4.low).isEqualTo(0xffff_c0a8_0102L);
        AddressLiteral mapped = AddressLiteral.parse("::ffff:192.168.1.2");
        assertThat(mapped.low).isEqualTo(v4.low);
        assertThat(AddressLiteral.parse("1.2.3")).isNull();
        assertThat(AddressLiteral.parse("12345::")).isNull();
    }

    @Test
    void chainedResolversAddFields() {
        Field always = new Field() {
            @Override public FieldType type() { return FieldType.NUMBER; }
            @Override public boolean anyMatch(FilterInput input, ValueTest test) { return test.test(0, 7); }
        };
        FieldResolver analysis = new FieldResolver() {
            @Override public Field field(String name) { return name.equals("mptcp.connection") ? always : null; }
            @Override public java.util.Collection<String> fieldNames() { return java.util.List.of("mptcp.connection"); }
        };
        FieldResolver both = PacketFields.instance().or(analysis);
        assertThat(FilterParser.parse("mptcp.connection == 7").isValid()).isFalse();
        FilterResult result = FilterParser.parse("mptcp.connection == 7", both);
        assertThat(result.isValid()).isTrue();
        assertThat(result.filter().matches(new FilterInput())).isTrue();
        assertThat(FilterParser.parse("mptcp.connection == 8", both).filter().matches(new FilterInput())).isFalse();
        assertThat(both.fieldNames()).contains("ip.addr", "mptcp.connection");
    }
}
