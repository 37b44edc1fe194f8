package org.rmt411.protocol;

/**
 * The rmt411 records-ahead extension: {@code I-412⏎0⏎} asks a tape server how many data records
 * lie between the position and the next filemark or end of data. The answer is {@code A<n>}; a
 * plain file answers {@code E25} (ENOTTY), and a server without the extension an error of its
 * own (GNU rmt {@code E22} or the drive's errno), after which the client reads one at a time.
 *
 * <p>Why: a client that keeps several {@code R} in flight on a tape must never read past the
 * filemark a one-at-a-time reader would have stopped at, because a read past a filemark moves
 * into the next file and spacing back over the mark leaves st's block number unknown. Knowing
 * {@code n}, rmt411's own list, restore and {@code --verify} keep at most {@code n} reads in
 * flight. It is an ioctl op for the same reason as {@link Headroom}: an unknown letter ends a
 * stock server's session, an unknown op only fails one MTIOCTOP; and it is not {@code -1}, so
 * it never switches an RMT V1 server into portable op numbering.
 */
public final class RecordsAhead {
    /** The op number of the query. */
    public static final int OP = -412;

    private RecordsAhead() {
    }
}
