package org.rmt411.protocol;

/**
 * The rmt411 headroom extension: {@code I-411⏎0⏎} asks the server how many bytes of records can
 * still be written at the current position before a write could fail for lack of room (a tape's
 * early warning, a file system's free space). The answer is {@code A<bytes>}; a server or device
 * that cannot say answers an error.
 *
 * <p>Why an ioctl op and not a new letter: an unknown letter makes GNU rmt answer
 * {@code E22 Garbage command} and exit (and BSD rmt exit silently), while an unknown op number
 * only fails the MTIOCTOP: GNU rmt answers {@code E25} on a file and the st driver's
 * {@code ENOSYS}/{@code EINVAL} on a drive, and the session goes on. The op is not {@code -1}, so
 * it never switches an RMT V1 server (dump, star) into portable op numbering, which would change
 * the meaning of the stock client's later {@code I} requests. Only {@code rmt411 bridge
 * --write-behind} sends it; stock clients never do.
 */
public final class Headroom {
    /** The op number of the query. */
    public static final int OP = -411;

    /**
     * What a write-behind client charges each record on top of its data: more than any server's
     * per-record overhead (a SIMH record costs 8 header and trailer bytes plus a pad byte), so
     * counting this way never promises more than the server's answer allows.
     */
    public static final int RECORD_OVERHEAD = 16;

    private Headroom() {
    }
}
