package org.braid.analysis;

import org.braid.decode.MptcpOption;

/** The detail text of timeline events for the MPTCP options that are events in themselves. */
final class OptionEvents {
    private OptionEvents() {}

    static String detail(MptcpOption option) {
        StringBuilder text = new StringBuilder();
        switch (option.subtype()) {
            case ADD_ADDR -> {
                text.append(option.echo() ? "echo of " : "").append("address id ").append(option.addressId()).append(' ');
                option.appendAddress(text);
                if (option.hasPort()) {
                    text.append(" port ").append(option.port());
                }
            }
            case REMOVE_ADDR -> {
                text.append("address ids");
                for (int i = 0; i < option.removedIdCount(); i++) {
                    text.append(' ').append(option.removedId(i));
                }
            }
            case MP_PRIO -> text.append(option.backup() ? "backup on" : "backup off")
                    .append(option.hasAddressId() ? ", address id " + option.addressId() : "");
            case MP_FAIL -> text.append("DSN ").append(Long.toUnsignedString(option.dataSequenceNumber()));
            case MP_FASTCLOSE -> text.append("receiver key ").append(HandshakeTracker.hex16(option.receiverKey()));
            case MP_TCPRST -> text.append("reason ").append(option.resetReason()).append(" (")
                    .append(MptcpOption.resetReasonName(option.resetReason())).append(')')
                    .append(option.hasFlag(MptcpOption.RST_T) ? ", transient" : "");
            default -> { }
        }
        return text.toString();
    }
}
