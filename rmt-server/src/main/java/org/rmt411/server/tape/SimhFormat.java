package org.rmt411.server.tape;

/**
 * The SIMH standard magtape image format ({@code simh_magtape.doc}): every object is a 32-bit
 * little-endian word; a data record is its length word, the data padded to an even length, and
 * the same length word again, so the image can be walked in both directions without an index.
 *
 * <p>rmt411 writes the conservative subset only (class-0 records, {@code 0x00000000} tape marks,
 * end of data by truncation) and reads what imported images may also hold: the end-of-medium
 * marker, erase gaps and the bad-record flag.
 */
final class SimhFormat {
    /** A tape mark (filemark), {@code MTR_TMK}. */
    static final int TAPE_MARK = 0x00000000;
    /** End of medium, {@code MTR_EOM}: nothing is read or spaced past it. */
    static final int END_OF_MEDIUM = 0xFFFFFFFF;
    /** An erase gap, {@code MTR_GAP}: skipped by readers. */
    static final int ERASE_GAP = 0xFFFFFFFE;
    /** Half a gap seen forwards: records are 2-byte aligned, markers 4, so skip 2 bytes. */
    static final int HALF_GAP_FORWARD = 0xFFFEFFFF;
    /** The bad-record flag, {@code MTR_ERF}: data captured with a parity or CRC error. */
    static final int ERROR_FLAG = 0x80000000;
    /** The largest record, {@code MTR_MAXLEN}: 24 bits, the same as SCSI SSC's transfer length. */
    static final int MAX_RECORD = 0x00FFFFFF;
    /** Bytes of one length word or marker. */
    static final int WORD = 4;

    private SimhFormat() {
    }

    /** Bytes a record of {@code length} data bytes occupies in the image, both words included. */
    static long recordSpan(int length) {
        return WORD + padded(length) + WORD;
    }

    /** The data length rounded up to even: SIMH pads odd records with one byte. */
    static long padded(int length) {
        return (length + 1L) & ~1L;
    }

    /** True for the words a reader treats as metadata rather than a record length. */
    static boolean isMarker(int word) {
        return (word & 0xFF000000) == 0xFF000000;
    }

    /** True when a record's length word carries the bad-record flag. */
    static boolean isBad(int word) {
        return (word & ERROR_FLAG) != 0;
    }

    /** The data length of a record word, or -1 when bits 30..24 are set (not standard format). */
    static int lengthOf(int word) {
        if ((word & 0x7F000000) != 0) {
            return -1;
        }
        return word & MAX_RECORD;
    }
}
