package org.rmt411.protocol;

/**
 * MTIOCTOP operation numbers as Linux defines them ({@code <linux/mtio.h>}), and the RMT V1
 * portable numbering that star and dump clients use after {@code I-1}.
 */
public final class MtOp {
    public static final int MTRESET = 0;
    public static final int MTFSF = 1;
    public static final int MTBSF = 2;
    public static final int MTFSR = 3;
    public static final int MTBSR = 4;
    public static final int MTWEOF = 5;
    public static final int MTREW = 6;
    public static final int MTOFFL = 7;
    public static final int MTNOP = 8;
    public static final int MTRETEN = 9;
    public static final int MTBSFM = 10;
    public static final int MTFSFM = 11;
    public static final int MTEOM = 12;
    public static final int MTERASE = 13;
    public static final int MTRAS1 = 14;
    public static final int MTRAS2 = 15;
    public static final int MTRAS3 = 16;
    public static final int MTSETBLK = 20;
    public static final int MTSETDENSITY = 21;
    public static final int MTSEEK = 22;
    public static final int MTTELL = 23;
    public static final int MTSETDRVBUFFER = 24;
    public static final int MTFSS = 25;
    public static final int MTBSS = 26;
    public static final int MTWSM = 27;
    public static final int MTLOCK = 28;
    public static final int MTUNLOCK = 29;
    public static final int MTLOAD = 30;
    public static final int MTUNLOAD = 31;
    public static final int MTCOMPRESSION = 32;
    public static final int MTSETPART = 33;
    public static final int MTMKPART = 34;
    public static final int MTWEOFI = 35;

    /** RMT V1 portable ops 0..7 (0 WEOF, 1 FSF, 2 BSF, 3 FSR, 4 BSR, 5 REW, 6 OFFL, 7 NOP). */
    private static final int[] PORTABLE = {MTWEOF, MTFSF, MTBSF, MTFSR, MTBSR, MTREW, MTOFFL, MTNOP};

    private MtOp() {
    }

    /**
     * Maps an {@code I} op sent after the RMT V1 handshake to the Linux op: 0–7 portable, and
     * dump's additions 8 RETEN, 9 ERASE, 10 EOM.
     *
     * @return the Linux op, or -1 if the number has no portable meaning
     */
    public static int fromPortable(int op) {
        if (op >= 0 && op < PORTABLE.length) {
            return PORTABLE[op];
        }
        switch (op) {
            case 8:
                return MTRETEN;
            case 9:
                return MTERASE;
            case 10:
                return MTEOM;
            default:
                return -1;
        }
    }

    /** The portable number of a Linux op, or -1 (for clients talking to V1 servers). */
    public static int toPortable(int linuxOp) {
        for (int i = 0; i < PORTABLE.length; i++) {
            if (PORTABLE[i] == linuxOp) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Maps an extended {@code i} op (RMT V1) to the Linux op: 2 RETEN, 3 ERASE, 4 EOM. 0 CACHE,
     * 1 NOCACHE and 5 NBSF do not exist on Linux.
     *
     * @return the Linux op, or -1
     */
    public static int fromExtended(int op) {
        switch (op) {
            case 2:
                return MTRETEN;
            case 3:
                return MTERASE;
            case 4:
                return MTEOM;
            default:
                return -1;
        }
    }
}
