package org.rmt411.protocol;

/**
 * One rmt request as it travels from client to server. Each record documents its wire form
 * ({@code ⏎} is {@code \n}). {@link RmtRequestDecoder} is the only class that parses these from
 * bytes and {@link RmtRequestEncoder} the only one that writes them.
 */
public sealed interface RmtRequest {

    /** {@code O<device>⏎<flags>⏎}: open a device; flags are decimal and/or symbolic. */
    record Open(String device, String flags) implements RmtRequest {
    }

    /** {@code C<anything>⏎}: close the open device; the argument is ignored by every server. */
    record Close(String argument) implements RmtRequest {
    }

    /**
     * {@code L<a>⏎<b>⏎}: lseek. Which line is the offset and which the whence depends on the
     * client (see {@link SeekResolver}), so both lines are kept as sent.
     */
    record Seek(String first, String second) implements RmtRequest {
    }

    /** {@code R<count>⏎}: read up to {@code count} bytes (one tape record). */
    record Read(long count) implements RmtRequest {
    }

    /** {@code W<count>⏎} followed by {@code count} payload bytes: write one record. */
    record Write(long count) implements RmtRequest {
    }

    /** {@code I<op>⏎<count>⏎}: MTIOCTOP; {@code I-1⏎0⏎} is the RMT V1 handshake. */
    record Ioctl(int op, int count) implements RmtRequest {
        /** True for the RMT V1 handshake {@code I-1}. */
        public boolean isVersionHandshake() {
            return op == -1;
        }

        /** True for the rmt411 extension {@code I-411}: how much may still be written (see {@link Headroom}). */
        public boolean isHeadroomQuery() {
            return op == Headroom.OP;
        }

        /** True for the rmt411 extension {@code I-412}: records before the next filemark (see {@link RecordsAhead}). */
        public boolean isRecordsAheadQuery() {
            return op == RecordsAhead.OP;
        }
    }

    /** {@code i<op>⏎<count>⏎}: RMT V1 extended ioctl (2 RETEN, 3 ERASE, 4 EOM). */
    record ExtendedIoctl(int op, int count) implements RmtRequest {
    }

    /** {@code S} or {@code S⏎}: MTIOCGET, reply carries the raw {@code struct mtget}. */
    record Status() implements RmtRequest {
    }

    /** {@code s<c>} (no newline): one {@code struct mtget} field as decimal (RMT V1). */
    record StatusField(char field) implements RmtRequest {
    }

    /** {@code v<arg>⏎} (Schily, reply A1) or {@code V<arg>⏎} (FreeBSD/dump, reply A2). */
    record Version(char letter, String argument) implements RmtRequest {
    }

    /**
     * Not a request but the decoder's verdict on bytes it could not accept: the session answers
     * {@code E<errno>⏎<text>⏎} and, when {@code fatal}, closes the connection because the input
     * cannot be resynchronised (an unknown command letter, a W payload that cannot be skipped).
     */
    record Rejected(Errno errno, String text, boolean fatal) implements RmtRequest {
    }
}
