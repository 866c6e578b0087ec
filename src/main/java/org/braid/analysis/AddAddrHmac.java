package org.braid.analysis;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.braid.decode.MptcpOption;

/** The ADD_ADDR HMAC of RFC 8684 3.4.1, computed whole (the option carries 64 bits of it). */
final class AddAddrHmac {
    private static final String ALGORITHM = "HmacSHA256";

    private AddAddrHmac() {}

    /** HMAC-SHA256(senderKey || receiverKey, id || address || port), the port 0 when absent. */
    static byte[] of(long senderKey, long receiverKey, MptcpOption option) {
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
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(message.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
        }
    }
}
