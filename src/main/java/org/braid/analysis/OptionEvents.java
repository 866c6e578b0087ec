package org.braid.analysis;

import org.braid.decode.MptcpOption;

/** The detail text of timeline events for the MPTCP options that are events in themselves. */
final class OptionEvents {
    private OptionEvents() {}

    static String detail(MptcpOption option) {
        return detail(option, null);
    }

    /**
     * As {@link #detail(MptcpOption)}; an MP_FAIL's DSN names the data the other side sent, so it is
     * given relative to {@code dataSender}'s base when that is known, as every other DSN is shown, with the absolute after it.
     */
    static String detail(MptcpOption option, ConnectionSide dataSender) {
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
            case MP_FAIL -> {
                String absolute = Long.toUnsignedString(option.dataSequenceNumber());
                if (dataSender != null && dataSender.dsnBaseKnown) {
                    text.append("DSN ").append(Long.toUnsignedString(option.dataSequenceNumber() - dataSender.dsnBase))
                            .append(" (relative; absolute ").append(absolute).append(')');
                } else {
                    text.append("DSN ").append(absolute).append(" (absolute)");
                }
            }
            case MP_FASTCLOSE -> text.append("receiver key ").append(HandshakeTracker.hex16(option.receiverKey()));
            case MP_TCPRST -> text.append("reason ").append(option.resetReason()).append(" (")
                    .append(MptcpOption.resetReasonName(option.resetReason())).append(')')
                    .append(option.hasFlag(MptcpOption.RST_T) ? ", transient" : "");
            default -> { }
        }
        return text.toString();
    }
}
