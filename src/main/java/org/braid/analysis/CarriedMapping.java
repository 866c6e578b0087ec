package org.braid.analysis;

import org.braid.decode.DecodedPacket;
import org.braid.decode.MptcpOption;
import org.braid.decode.MptcpSubtype;

/**
 * The DSS mapping a packet carries, if any, read from the core's placement: a DSS mapping, or the
 * implicit mapping of data sent with a v1 MP_CAPABLE (RFC 8684 3.1: DSN = IDSN + 1, subflow
 * sequence 1). A reusable flyweight: {@link #read} refills it for each packet.
 */
final class CarriedMapping {
    long dsn;
    long subflowSeq;
    /** Data-level length: 0 is the infinite mapping; a DATA_FIN counts one. */
    int length;
    boolean dataFin;
    boolean hasChecksum;
    int checksum;
    /** True when the option carried 64 bits of DSN (or the DSN comes from the key). */
    boolean wideDsn;
    /** True when the snaplen cut the option. */
    boolean cut;

    /** Fills this from the packet; false when it carries no mapping. */
    boolean read(PacketContext c) {
        MptcpOption dss = c.dss;
        if (dss != null && c.mappingDsn != PacketContext.UNKNOWN && dss.hasDataLevelLength()) {
            dsn = c.mappingDsn;
            subflowSeq = dss.subflowSequenceNumber();
            length = dss.dataLevelLength();
            dataFin = dss.dataFin();
            hasChecksum = dss.hasChecksum();
            checksum = dss.checksum();
            wideDsn = dss.dsnIs8Bytes();
            cut = dss.cut();
            return true;
        }
        DecodedPacket packet = c.packet;
        if (packet.mptcpOptionCount() == 0 || packet.hasTcpFlag(DecodedPacket.TCP_SYN)
                || !c.connection.side(c.side).keyKnown) {
            return false;
        }
        MptcpOption capable = packet.firstMptcpOption(MptcpSubtype.MP_CAPABLE);
        if (capable == null || capable.malformed() || !capable.hasDataLevelLength()
                || capable.dataLevelLength() == 0) {
            return false;
        }
        dsn = c.connection.side(c.side).idsn + 1;
        subflowSeq = 1;
        length = capable.dataLevelLength();
        dataFin = false;
        hasChecksum = capable.hasChecksum();
        checksum = capable.checksum();
        wideDsn = true;
        cut = capable.cut();
        return true;
    }

    /** The mapped payload bytes: the data-level length without the DATA_FIN's unit. */
    int dataBytes() {
        return dataFin ? Math.max(0, length - 1) : length;
    }
}
