package org.braid.analysis;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
    private final List<String> warnings;

    AddAddrVerifier(PacketColumns columns, List<String> warnings) {
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
        byte[] expected = hmac(connection.key[c.side], connection.key[1 - c.side], option);
        ConnectionHistory history = connection.history;
        long seen = option.truncatedHmac();
        if (ByteBuffer.wrap(expected).getLong(expected.length - 8) == seen) {
            history.addAddrHmacVerified++;
            return;
        }
        if (ByteBuffer.wrap(expected).getLong(0) == seen) {
            history.addAddrHmacLeftmost++;
            connection.event("ADD_ADDR_HMAC_LEFTMOST", c.nanos, c.frame.packetNumber(), c.flow.index,
                    "ADD_ADDR HMAC matches the keys in its leftmost 64 bits, as early Linux sent it;"
                            + " RFC 8684 3.4.1 says the rightmost");
            return;
        }
        history.addAddrHmacFailed++;
        columns.addFlags(c.packetIndex, PacketColumns.HMAC_FAILED);
        String what = "ADD_ADDR HMAC does not match the keys (address id " + option.addressId() + ")";
        connection.event("HMAC_MISMATCH", c.nanos, c.frame.packetNumber(), c.flow.index, what);
        warnings.add("packet " + c.frame.packetNumber() + ": " + what + " of connection " + connection.index);
    }

    /** HMAC-SHA256(senderKey || receiverKey, id || address || port). */
    static byte[] hmac(long senderKey, long receiverKey, MptcpOption option) {
        ByteBuffer message = ByteBuffer.allocate(1 + (option.addressIpVersion() == 4 ? 4 : 16) + 2);
        message.put((byte) option.addressId());
        if (option.addressIpVersion() == 4) {
            message.putInt(option.address4());
        } else {
            message.putLong(option.address6High()).putLong(option.address6Low());
        }
        message.putShort((short) (option.hasPort() ? option.port() : 0));
        byte[] key = ByteBuffer.allocate(16).putLong(senderKey).putLong(receiverKey).array();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
