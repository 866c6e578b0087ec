package org.braid.filter;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.braid.decode.DecodedPacket;
import org.braid.decode.Encapsulation;
import org.braid.decode.IcmpHeader;
import org.braid.decode.IpText;
import org.braid.decode.MptcpOption;
import org.braid.decode.MptcpSubtype;
import org.braid.decode.ProtocolNumbers;

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
 *   <li>tunnels: {@code gtp}, {@code gtp.teid}, {@code vxlan}, {@code vxlan.vni}, {@code geneve},
 *       {@code geneve.vni}, {@code gre}, {@code gre.key}, {@code erspan}, {@code erspan.spanid},
 *       {@code pppoes}, {@code pppoe.session_id}, {@code mpls}, {@code mpls.label} (any label of the
 *       stack), {@code l2tp}, {@code l2tp.tunnel}, {@code l2tp.session} (VXLAN-GPE is {@code vxlan})</li>
 *   <li>{@code pktap}, {@code pktap.pid}: Apple's PKTAP header and the process ID in it</li>
 * </ul>
 * As in Wireshark, the address fields and {@code udp}, {@code udp.port}, {@code udp.srcport} and
 * {@code udp.dstport} read a tunnel's outer headers too, and the TCP and UDP fields the header an
 * ICMP error quotes.
 */
public final class PacketFields implements FieldResolver {

    private static final PacketFields INSTANCE = new PacketFields();

    private final Map<String, Field> fields = new LinkedHashMap<>();

    private PacketFields() {
        number("frame.number", in -> true, FilterInput::packetNumber);
        number("frame.len", in -> true, in -> in.frame().originalLength());
        protocol("ip", in -> in.packet().hasIp());
        fields.put("ip.addr", new AddressField(true, true));
        fields.put("ip.src", new AddressField(true, false));
        fields.put("ip.dst", new AddressField(false, true));
        protocol("tcp", in -> in.packet().hasTcp() || quoted(in, ProtocolNumbers.PROTOCOL_TCP) != null);
        fields.put("tcp.port", new PortField(false));
        quotedToo("tcp.srcport", false, in -> in.packet().sourcePort(), IcmpHeader::innerSourcePort);
        quotedToo("tcp.dstport", false, in -> in.packet().destinationPort(), IcmpHeader::innerDestinationPort);
        number("tcp.len", PacketFields::tcp, in -> in.packet().payloadWireLength());
        quotedToo("tcp.seq", false, in -> in.packet().sequenceNumber(), IcmpHeader::innerSequence);
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
        protocol("udp", in -> in.packet().hasUdp() || quoted(in, ProtocolNumbers.PROTOCOL_UDP) != null
                || in.packet().tunnelIndex(Encapsulation.UDP) >= 0);
        fields.put("udp.port", new PortField(true));
        quotedToo("udp.srcport", true, in -> in.packet().udp().sourcePort(), IcmpHeader::innerSourcePort);
        quotedToo("udp.dstport", true, in -> in.packet().udp().destinationPort(), IcmpHeader::innerDestinationPort);
        number("udp.length", PacketFields::udp, in -> in.packet().udp().length());
        icmp("icmp", false);
        icmp("icmpv6", true);
        protocol("arp", in -> in.packet().hasArp());
        number("arp.opcode", in -> in.packet().hasArp(), in -> in.packet().arp().opcode());
        fields.put("arp.src.proto_ipv4", new ArpAddressField(true));
        fields.put("arp.dst.proto_ipv4", new ArpAddressField(false));
        tunnel(Encapsulation.GTP_U, "gtp.teid");
        tunnel(Encapsulation.VXLAN, "vxlan.vni");
        tunnel(Encapsulation.GENEVE, "geneve.vni");
        tunnel(Encapsulation.GRE, "gre.key");
        tunnel(Encapsulation.ERSPAN, "erspan.spanid");
        tunnel(Encapsulation.PPPOE, "pppoe.session_id");
        tunnel(Encapsulation.MPLS, "mpls.label");
        protocol(Encapsulation.L2TP.filterName(), carries(Encapsulation.L2TP));
        tunnelPart(Encapsulation.L2TP, "l2tp.tunnel", 16);
        tunnelPart(Encapsulation.L2TP, "l2tp.session", 0);
        protocol("pktap", in -> in.packet().pktapHeaderLength() > 0);
        number("pktap.pid", in -> in.packet().pktapHeaderLength() > 0, PacketFields::pktapPid);
    }

    /** The process ID of Apple's PKTAP header (little-endian, at byte 52). */
    private static long pktapPid(FilterInput in) {
        return Integer.reverseBytes(in.frame().buffer().getInt(in.frame().offset() + 52));
    }

    /** A tunnel protocol and the field of its identifier (TEID, VNI, key, session, label), as Wireshark names them. */
    private void tunnel(Encapsulation kind, String idField) {
        protocol(kind.filterName(), carries(kind));
        fields.put(idField, new TunnelIdField(kind));
    }

    /** A 16-bit half of a tunnel's identifier (L2TP's tunnel and session IDs), shifted right by {@code shift}. */
    private void tunnelPart(Encapsulation kind, String field, int shift) {
        number(field, carries(kind), in -> (in.packet().tunnelId(in.packet().tunnelIndex(kind)) >>> shift) & 0xffff);
    }

    /** Whether the packet came through a tunnel layer of {@code kind}. */
    private static Predicate<FilterInput> carries(Encapsulation kind) {
        return in -> in.packet().tunnelIndex(kind) >= 0;
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
        return IpText.ipv4Mapped(address);
    }

    private static boolean tcp(FilterInput in) {
        return in.packet().hasTcp();
    }

    /**
     * The ICMP error of this packet when the packet in error it quotes is {@code protocol} (TCP or
     * UDP) with its ports captured, else null. As in Wireshark, the quoted header's addresses, ports
     * and TCP sequence number are values of their fields too: {@code tcp.port == 5201} selects the
     * errors a subflow's packets caused.
     */
    private static IcmpHeader quoted(FilterInput in, int protocol) {
        DecodedPacket p = in.packet();
        if (!p.hasIcmp()) {
            return null;
        }
        IcmpHeader m = p.icmp();
        return m.innerTransportOffset() >= 0 && m.innerProtocol() == protocol ? m : null;
    }

    /** A TCP or UDP number field whose value is also read from the header an ICMP error quotes. */
    private void quotedToo(String name, boolean udp, ToLongFunction<FilterInput> own,
            ToLongFunction<IcmpHeader> inQuote) {
        fields.put(name, new OwnOrQuoted(udp ? PacketFields::udp : PacketFields::tcp, own,
                udp ? ProtocolNumbers.PROTOCOL_UDP : ProtocolNumbers.PROTOCOL_TCP, inQuote,
                !udp ? -1 : name.endsWith("srcport") ? 0 : 2));
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

    /** {@code tunnelPortAt}: where in a tunnel's UDP header the same port is (0 or 2), -1 for TCP. */
    private record OwnOrQuoted(Predicate<FilterInput> present, ToLongFunction<FilterInput> own, int protocol,
            ToLongFunction<IcmpHeader> inQuote, int tunnelPortAt) implements Field {
        @Override
        public FieldType type() { return FieldType.NUMBER; }

        @Override
        public boolean anyMatch(FilterInput input, ValueTest test) {
            if (present.test(input) && test.test(0, own.applyAsLong(input))
                    || tunnelPortAt >= 0 && tunnelUdpPorts(input, tunnelPortAt, tunnelPortAt, test)) {
                return true;
            }
            IcmpHeader m = quoted(input, protocol);
            long value = m == null ? -1 : inQuote.applyAsLong(m);
            return value >= 0 && test.test(0, value); // -1: not quoted (a TCP sequence number cut off)
        }
    }

    private record AddressField(boolean source, boolean destination) implements Field {
        @Override
        public FieldType type() { return FieldType.ADDRESS; }

        @Override
        public boolean anyMatch(FilterInput input, ValueTest test) {
            DecodedPacket p = input.packet();
            boolean own = false;
            if (p.ipVersion() == 4) {
                own = (source && test.test(0, ipv4Low(p.sourceIpv4())))
                        || (destination && test.test(0, ipv4Low(p.destinationIpv4())));
            } else if (p.ipVersion() == 6) {
                own = (source && test.test(p.sourceHigh(), p.sourceLow()))
                        || (destination && test.test(p.destinationHigh(), p.destinationLow()));
            }
            return own || p.hasIcmp() && p.icmp().hasInner() && quotedMatch(p.icmp(), test)
                    || p.tunnelCount() > 0 && tunnelMatch(input, test);
        }

        /** The addresses of a tunnel's outer IP headers, which Wireshark's ip.src and ip.dst read too. */
        private boolean tunnelMatch(FilterInput input, ValueTest test) {
            DecodedPacket p = input.packet();
            ByteBuffer buf = input.frame().buffer();
            for (int i = 0; i < p.tunnelCount(); i++) {
                int at = input.frame().offset() + p.tunnelOffset(i);
                if (p.tunnelKind(i) == Encapsulation.OUTER_IPV4) {
                    if (source && test.test(0, ipv4Low(buf.getInt(at + 12)))
                            || destination && test.test(0, ipv4Low(buf.getInt(at + 16)))) {
                        return true;
                    }
                } else if (p.tunnelKind(i) == Encapsulation.OUTER_IPV6) {
                    if (source && test.test(buf.getLong(at + 8), buf.getLong(at + 16))
                            || destination && test.test(buf.getLong(at + 24), buf.getLong(at + 32))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The addresses of the packet in error an ICMP error quotes, as Wireshark's ip.src and ip.dst read them too. */
        private boolean quotedMatch(IcmpHeader m, ValueTest test) {
            return (source && test.test(m.innerSourceHigh(), m.innerSourceLow()))
                    || (destination && test.test(m.innerDestinationHigh(), m.innerDestinationLow()));
        }
    }

    /** {@code tcp.port} or {@code udp.port}: either port of the packet's TCP or UDP header, or of the one an ICMP error quotes. */
    private record PortField(boolean udp) implements Field {
        @Override
        public FieldType type() { return FieldType.NUMBER; }

        @Override
        public boolean anyMatch(FilterInput input, ValueTest test) {
            DecodedPacket p = input.packet();
            boolean own = udp
                    ? p.hasUdp() && (test.test(0, p.udp().sourcePort()) || test.test(0, p.udp().destinationPort()))
                            || tunnelUdpPorts(input, 0, 2, test)
                    : p.hasTcp() && (test.test(0, p.sourcePort()) || test.test(0, p.destinationPort()));
            IcmpHeader m = own ? null : quoted(input, udp ? ProtocolNumbers.PROTOCOL_UDP : ProtocolNumbers.PROTOCOL_TCP);
            return own || m != null && (test.test(0, m.innerSourcePort()) || test.test(0, m.innerDestinationPort()));
        }
    }

    /** True when the port at {@code first} or {@code second} (0 source, 2 destination) of a tunnel's UDP header passes. */
    private static boolean tunnelUdpPorts(FilterInput input, int first, int second, ValueTest test) {
        DecodedPacket p = input.packet();
        for (int i = 0; i < p.tunnelCount(); i++) {
            if (p.tunnelKind(i) == Encapsulation.UDP) {
                int at = input.frame().offset() + p.tunnelOffset(i);
                ByteBuffer buf = input.frame().buffer();
                if (test.test(0, buf.getShort(at + first) & 0xffff) || test.test(0, buf.getShort(at + second) & 0xffff)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The identifier of every tunnel layer of one kind; for MPLS, every label of the stack, as Wireshark reads it. */
    private record TunnelIdField(Encapsulation kind) implements Field {
        @Override
        public FieldType type() { return FieldType.NUMBER; }

        @Override
        public boolean anyMatch(FilterInput input, ValueTest test) {
            DecodedPacket p = input.packet();
            for (int i = 0; i < p.tunnelCount(); i++) {
                if (p.tunnelKind(i) != kind) {
                    continue;
                }
                if (kind == Encapsulation.MPLS) {
                    ByteBuffer buf = input.frame().buffer();
                    int at = input.frame().offset() + p.tunnelOffset(i);
                    for (int entry = 0; entry + 4 <= p.tunnelLength(i); entry += 4) {
                        if (test.test(0, (buf.getInt(at + entry) >>> 12) & 0xfffff)) {
                            return true;
                        }
                    }
                } else if (p.tunnelId(i) >= 0 && test.test(0, p.tunnelId(i))) {
                    return true;
                }
            }
            return false;
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
