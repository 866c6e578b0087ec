package org.braid.analysis;

import java.nio.ByteBuffer;
import org.braid.decode.DecodedPacket;
import org.braid.decode.MptcpOption;
import org.braid.decode.MptcpSubtype;

/**
 * Checks the HMAC of v1 ADD_ADDR options (RFC 8684 3.4.1): HMAC-SHA256 keyed by the sender's key
 * then the receiver's, over the address id, the address and the port (two zero bytes without a
 * port); the option carries the rightmost 64 bits. Early Linux kernels sent the leftmost 64 bits
 * (fixed by "mptcp: use the rightmost 64 bits in ADD_ADDR HMAC"): such an HMAC proves the keys
 * but not conformance, and is counted apart. Echoes and v0 options carry none.
 */
final class AddAddrVerifier implements PacketObserver {
    private final PacketColumns columns;
    private final AnalysisWarnings warnings;

    AddAddrVerifier(PacketColumns columns, AnalysisWarnings warnings) {
        this.columns = columns;
        this.warnings = warnings;
    }

    @Override
    public void onPacket(PacketContext c) {
        DecodedPacket packet = c.packet;
        for (int i = 0; i < packet.mptcpOptionCount(); i++) {
            MptcpOption option = packet.mptcpOption(i);
            if (option.subtype() == MptcpSubtype.ADD_ADDR && !option.malformed()) {
                check(c, option);
            }
        }
    }

    private void check(PacketContext c, MptcpOption option) {
        ConnectionState connection = c.connection;
        if (option.echo() || option.addAddrV0() || option.hmacLength() != 8 || option.addressIpVersion() == 0
                || !connection.bothKeys() || connection.version == 0) {
            return;
        }
        byte[] expected = AddAddrHmac.of(connection.side(c.side).key, connection.side(1 - c.side).key, option);
        ConnectionHistory history = connection.history;
        long seen = option.truncatedHmac();
        if (ByteBuffer.wrap(expected).getLong(expected.length - 8) == seen) {
            history.addAddrHmacVerified++;
        } else if (ByteBuffer.wrap(expected).getLong(0) == seen) {
            history.addAddrHmacLeftmost++;
            FindingEvents.addAddrHmacLeftmost(c);
        } else {
            history.addAddrHmacFailed++;
            columns.addFlags(c.packetIndex, PacketColumns.HMAC_FAILED);
            FindingEvents.addAddrHmacMismatch(c, option, warnings);
        }
    }
}
