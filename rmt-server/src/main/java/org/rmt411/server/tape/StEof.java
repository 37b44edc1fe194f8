package org.rmt411.server.tape;

/**
 * st's end-of-file state ({@code STps->eof}, st.h), in st's order: MTIOCGET reports GMT_EOT for
 * {@link #EOM_OK}, and GMT_EOD for every state from {@link #EOD_1} on
 * (st.c {@code st_ioctl}, MTIOCGET branch).
 *
 * <p>st's {@code ST_FM_HIT} (a filemark met by a fixed-block read that had data to return
 * first) has no counterpart: the drive stops before that mark, which is where st puts the tape
 * back ({@code flush_buffer} with {@code cross_eof}) before it answers MTIOCGET or moves.
 * Nor has {@code ST_EOM_ERROR}, which needs data lost in a drive's buffer at early warning: an
 * image write either completes or writes nothing.
 */
enum StEof {
    /** {@code ST_NOEOF}: nothing special. */
    NOEOF,
    /** {@code ST_FM}: just after a filemark that a read, MTFSF, MTFSR or close met or wrote. */
    FM,
    /** {@code ST_EOM_OK}: a write reached early warning (or the end); the next write fails. */
    EOM_OK,
    /** {@code ST_EOD_1}: the write after early warning was refused; the next one is allowed. */
    EOD_1,
    /** {@code ST_EOD_2}: one zero-length read at end of data has been returned. */
    EOD_2,
    /** {@code ST_EOD}: at end of data (MTEOM, spacing or reading into it); reads get EIO. */
    EOD;

    /** GMT_EOT: st's early-warning state. */
    boolean endOfTape() {
        return this == EOM_OK;
    }

    /** GMT_EOD: st reports every state from {@code ST_EOD_1} on. */
    boolean endOfData() {
        return compareTo(EOD_1) >= 0;
    }

    /** The state a persisted name stands for; an unknown name is refused. */
    static StEof parse(String name) {
        return valueOf(name.trim());
    }
}
