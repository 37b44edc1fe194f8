package org.rmt411.client;

import java.io.IOException;

/**
 * How many more {@code R} a tape read-ahead may send without crossing the filemark a
 * one-at-a-time reader would stop at: rmt411's records-ahead answer
 * ({@link org.rmt411.protocol.RecordsAhead}), asked once per tape file and again after a read
 * that returned nothing (a filemark), less the records already asked for. A server without the
 * extension (GNU rmt answers E22, a real drive its own errno) gets reads one at a time.
 */
final class RecordBudget {
    private final RemoteTape tape;
    /** Bytes per block in fixed-block mode, 0 in variable mode (one record per read). */
    private final int blockSize;
    private boolean supported = true;
    /** Records still allowed, or -1 when the server must be asked. */
    private long left = -1;

    RecordBudget(RemoteTape tape, int blockSize) {
        this.tape = tape;
        this.blockSize = blockSize;
    }

    /** Records one {@code R<len>} moves over: one, or its whole blocks in fixed-block mode. */
    long recordsPerRead(int len) {
        return blockSize > 0 ? len / blockSize : 1;
    }

    /** Records a reply of {@code n} bytes moved over (an error reply moves one record in variable mode). */
    long recordsMoved(long n, boolean failed) {
        if (blockSize > 0) {
            return failed ? 0 : n / blockSize; // st_read fails a bad block without moving
        }
        return 1; // a record too long (ENOMEM) or unreadable (EIO) is skipped all the same
    }

    /**
     * How many of up to {@code room} reads of {@code len} bytes may go now; asks the server
     * first when it must (nothing may be in flight then). 0 means: read one at a time.
     */
    int allow(int room, int len) throws IOException {
        long per = recordsPerRead(len);
        if (per <= 0 || (blockSize > 0 && len % blockSize != 0)) {
            return 0; // the server refuses such a read: let the one-at-a-time read say so
        }
        if (left < 0) {
            left = ask();
        }
        int n = (int) Math.min(room, left / per);
        left -= n * per;
        return n;
    }

    /** A read came back empty (a filemark) or went one at a time: ask again before the next. */
    void forget() {
        left = -1;
    }

    private long ask() throws IOException {
        if (!supported) {
            return 0;
        }
        try {
            return tape.recordsAhead();
        } catch (RemoteTapeException e) {
            supported = false; // not rmt411 (or not a tape): one at a time, as stock clients read
            return 0;
        }
    }
}
