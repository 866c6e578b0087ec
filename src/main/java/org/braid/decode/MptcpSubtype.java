package org.braid.decode;

/** MPTCP option subtypes (RFC 8684 section 7.3, RFC 6824 section 8). */
public enum MptcpSubtype {
    MP_CAPABLE(0), MP_JOIN(1), DSS(2), ADD_ADDR(3), REMOVE_ADDR(4), MP_PRIO(5), MP_FAIL(6),
    MP_FASTCLOSE(7), MP_TCPRST(8), UNKNOWN(-1);

    private static final MptcpSubtype[] BY_VALUE = {
        MP_CAPABLE, MP_JOIN, DSS, ADD_ADDR, REMOVE_ADDR, MP_PRIO, MP_FAIL, MP_FASTCLOSE, MP_TCPRST
    };

    private final int value;

    MptcpSubtype(int value) {
        this.value = value;
    }

    /** The 4-bit wire value, or -1 for {@link #UNKNOWN}. */
    public int value() {
        return value;
    }

    public static MptcpSubtype of(int value) {
        return value >= 0 && value < BY_VALUE.length ? BY_VALUE[value] : UNKNOWN;
    }
}
