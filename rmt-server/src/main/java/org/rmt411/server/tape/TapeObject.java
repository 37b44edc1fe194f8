package org.rmt411.server.tape;

/**
 * One object of a SIMH image as a reader meets it.
 *
 * @param kind what the object is
 * @param offset byte offset of its first word
 * @param end byte offset just after it (equal to {@code offset} for end of data)
 * @param length data bytes of a record, 0 otherwise
 * @param bad true for a record whose length word carries the SIMH error flag
 */
record TapeObject(Kind kind, long offset, long end, int length, boolean bad) {

    /** The kinds of object a reader distinguishes. */
    enum Kind {
        /** A data record. */
        RECORD,
        /** A tape mark (filemark). */
        MARK,
        /** End of data: end of file or an end-of-medium marker. */
        END_OF_DATA,
        /** Beginning of tape, met going backwards. */
        BEGINNING,
        /** A length word that does not fit the format, or a record cut short. */
        INVALID
    }

    static TapeObject mark(long offset) {
        return new TapeObject(Kind.MARK, offset, offset + SimhFormat.WORD, 0, false);
    }

    static TapeObject endOfData(long offset) {
        return new TapeObject(Kind.END_OF_DATA, offset, offset, 0, false);
    }

    static TapeObject beginning() {
        return new TapeObject(Kind.BEGINNING, 0, 0, 0, false);
    }

    static TapeObject invalid(long offset) {
        return new TapeObject(Kind.INVALID, offset, offset, 0, false);
    }

    /** Byte offset of a record's data. */
    long dataOffset() {
        return offset + SimhFormat.WORD;
    }
}
