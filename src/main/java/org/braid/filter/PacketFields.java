package org.braid.filter;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.braid.decode.DecodedPacket;
import org.braid.decode.MptcpOption;
import org.braid.decode.MptcpSubtype;

/**
 * The fields the decoder provides, named as in Wireshark where Wireshark has them:
 * <ul>
 *   <li>{@code frame.number}, {@code frame.len} (length on the wire)</li>
 *   <li>{@code ip} (IPv4 or IPv6 present), {@code ip.addr}, {@code ip.src}, {@code ip.dst}</li>
 *   <li>{@code tcp}, {@code tcp.port}, {@code tcp.srcport}, {@code tcp.dstport}, {@code tcp.len}
 *       (payload bytes on the wire), {@code tcp.seq}, {@code tcp.ack} (absolute), {@code tcp.flags},
 *       {@code tcp.flags.syn}, {@code .ack}, {@code .fin}, {@code .rst}, {@code .psh}</li>
 *   <li>{@code mptcp} (any MPTCP option), {@code mptcp.subtype} (one value per option),
 *       {@code mptcp.dsn} (the raw DSN of DSS mappings, 4 or 8 bytes as sent)</li>
 *   <li>{@code udp}, {@code udp.port}, {@code udp.srcport}, {@code udp.dstport}, {@code udp.length}
 *       (the header's length field)</li>
 *   <li>{@code icmp}, {@code icmp.type}, {@code icmp.code}, and the same for {@code icmpv6}</li>
 *   <li>{@code arp}, {@code arp.opcode}, {@code arp.src.proto_ipv4}, {@code arp.dst.proto_ipv4}</li>
 * </ul>
 */
public final class PacketFields implements FieldResolver {
    /** High half of an IPv4-mapped IPv6 address is 0; the low half starts with 0000:ffff. */
    private static final long IPV4_MAPPED = 0xffff_0000_0000L;

    private static final PacketFields INSTANCE = new PacketFields();

    private final Map<String, Field> fields = new LinkedHashMap<>();

    private PacketFields() {
        number("frame.number", in -> true, FilterInput::packetNumber);
        number("frame.len", in -> true, in -> in.frame().originalLength());
        protocol("ip", in -> in.packet().hasIp());
        fields.put("ip.addr", new AddressField(true, true));
        fields.put("ip.src", new AddressField(true, false));
        fields.put("ip.dst", new AddressField(false, true));
        protocol("tcp", in -> in.packet().hasTcp());
        fields.put("tcp.port", new PortField(false));
        number("tcp.srcport", PacketFields::tcp, in -> in.packet().sourcePort());
        number("tcp.dstport", PacketFields::tcp, in -> in.packet().destinationPort());
        number("tcp.len", PacketFields::tcp, in -> in.packet().payloadWireLength());
        number("tcp.seq", PacketFields::tcp, in -> in.packet().sequenceNumber());
        number("tcp.ack", PacketFields::tcp, in -> in.packet().acknowledgmentNumber());
        number("tcp.flags", PacketFields::tcp, in -> in.packet().tcpFlags());
        flag("tcp.flags.syn", DecodedPacket.TCP_SYN);
        flag("tcp.flags.ack", DecodedPacket.TCP_ACK);
        flag("tcp.flags.fin", DecodedPacket.TCP_FIN);
        flag("tcp.flags.rst", DecodedPacket.TCP_RST);
        flag("tcp.flags.psh", DecodedPacket.TCP_PSH);
        protocol("mptcp", in -> in.packet().mptcpOptionCount() > 0);
        fields.put("mptcp.subtype", new MptcpSubtypeField());
        fields.put("mptcp.dsn", new DsnField());
        protocol("udp", in -> in.packet().hasUdp());
        fields.put("udp.port", new PortField(true));
        number("udp.srcport", PacketFields::udp, in -> in.packet().udp().sourcePort());
        number("udp.dstport", PacketFields::udp, in -> in.packet().udp().destinationPort());
        number("udp.length", PacketFields::udp, in -> in.packet().udp().length());
        icmp("icmp", false);
        icmp("icmpv6", true);
        protocol("arp", in -> in.packet().hasArp());
        number("arp.opcode", in -> in.packet().hasArp(), in -> in.packet().arp().opcode());
        fields.put("arp.src.proto_ipv4", new ArpAddressField(true));
        fields.put("arp.dst.proto_ipv4", new ArpAddressField(false));
    }

    /** {@code name}, {@code name.type} and {@code name.code} for ICMP or ICMPv6. */
    private void icmp(String name, boolean v6) {
        Predicate<FilterInput> present = in -> in.packet().hasIcmp() && in.packet().icmp().v6() == v6;
        protocol(name, present);
        number(name + ".type", present, in -> in.packet().icmp().type());
        number(name + ".code", present, in -> in.packet().icmp().code());
    }

    public static PacketFields instance() {
        return INSTANCE;
    }

    @Override
    public Field field(String name) {
        return fields.get(name);
    }

    @Override
    public Collection<String> fieldNames() {
        return Collections.unmodifiableSet(fields.keySet());
    }

    /** The 128-bit form of an IPv4 address, as address fields give it: {@code ::ffff:a.b.c.d}. */
    public static long ipv4Low(int address) {
        return IPV4_MAPPED | (address & 0xffffffffL);
    }

    private static boolean tcp(FilterInput in) {
        return in.packet().hasTcp();
    }

    private static boolean udp(FilterInput in) {
        return in.packet().hasUdp();
    }

    private void number(String name, Predicate<FilterInput> present, ToLongFunction<FilterInput> value) {
        fields.put(name, new SingleValue(FieldType.NUMBER, present, value));
    }

    private void flag(String name, int bit) {
        fields.put(name, new SingleValue(FieldType.BOOLEAN, PacketFields::tcp,
                in -> in.packet().hasTcpFlag(bit) ? 1 : 0));
    }

    private void protocol(String name, Predicate<FilterInput> present) {
        fields.put(name, new SingleValue(FieldType.PROTOCOL, present, in -> 0));
    }

    private record SingleValue(FieldType type, Predicate<FilterInput> present, ToLongFunction<FilterInput> value)
            implements Field {
        @Override
        public boolean anyMatch(FilterInput input, ValueTest test) {
            return present.test(input) && test.test(0, value.applyAsLong(input));
        }
    }

    private record AddressField(boolean source, boolean destination) implements Field {
        @Override
        public FieldType type() { return FieldType.ADDRESS; }

        @Override
        public boolean anyMatch(FilterInput input, ValueTest test) {
            DecodedPacket p = input.packet();
            if (p.ipVersion() == 4) {
                return (source && test.test(0, ipv4Low(p.sourceIpv4())))
                        || (destination && test.test(0, ipv4Low(p.destinationIpv4())));
            }
            if (p.ipVersion() == 6) {
                return (source && test.test(p.sourceHigh(), p.sourceLow()))
                        || (destination && test.test(p.destinationHigh(), p.destinationLow()));
            }
            return false;
        }
    }

    /** {@code tcp.port} or {@code udp.port}: either port of the packet's TCP or UDP header. */
    private record PortField(boolean udp) implements Field {
        @Override
        public FieldType type() { return FieldType.NUMBER; }

        @Override
        public boolean anyMatch(FilterInput input, ValueTest test) {
            DecodedPacket p = input.packet();
            if (udp) {
                return p.hasUdp() && (test.test(0, p.udp().sourcePort()) || test.test(0, p.udp().destinationPort()));
            }
            return p.hasTcp() && (test.test(0, p.sourcePort()) || test.test(0, p.destinationPort()));
        }
    }

    /** ARP's sender or target IPv4 address, in the 128-bit form of the other address fields. */
    private record ArpAddressField(boolean sender) implements Field {
        @Override
        public FieldType type() { return FieldType.ADDRESS; }

        @Override
        public boolean anyMatch(FilterInput input, ValueTest test) {
            DecodedPacket p = input.packet();
            if (!p.hasArp() || !p.arp().ethernetIpv4()) {
                return false;
            }
            return test.test(0, ipv4Low(sender ? p.arp().senderIpv4() : p.arp().targetIpv4()));
        }
    }

    private static final class MptcpSubtypeField implements Field {
        @Override
        public FieldType type() { return FieldType.NUMBER; }

        @Override
        public boolean anyMatch(FilterInput input, ValueTest test) {
            DecodedPacket p = input.packet();
            for (int i = 0; i < p.mptcpOptionCount(); i++) {
                int subtype = p.mptcpOption(i).rawSubtype();
                if (subtype >= 0 && test.test(0, subtype)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class DsnField implements Field {
        @Override
        public FieldType type() { return FieldType.NUMBER; }

        @Override
        public boolean anyMatch(FilterInput input, ValueTest test) {
            DecodedPacket p = input.packet();
            for (int i = 0; i < p.mptcpOptionCount(); i++) {
                MptcpOption option = p.mptcpOption(i);
                if (option.subtype() == MptcpSubtype.DSS && option.hasDataSequenceNumber()
                        && test.test(0, option.dataSequenceNumber())) {
                    return true;
                }
            }
            return false;
        }
    }
}
