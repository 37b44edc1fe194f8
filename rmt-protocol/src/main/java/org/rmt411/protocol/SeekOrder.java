package org.rmt411.protocol;

/** Which line of an {@code L} request carries the offset. */
public enum SeekOrder {
    /** Decide per request from the values, then from what the session has shown. */
    AUTO,
    /** {@code L<offset>⏎<whence>⏎}: BSD, dump, star, xfsdump, cpio, GNU tar ≤1.34. */
    OFFSET_FIRST,
    /** {@code L<whence>⏎<offset>⏎}: GNU rmt ≥1.23 and GNU tar ≥1.35 (the man pages' order). */
    WHENCE_FIRST
}
