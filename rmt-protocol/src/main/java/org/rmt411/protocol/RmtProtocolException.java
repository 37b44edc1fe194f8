package org.rmt411.protocol;

/**
 * The peer broke the framing (a reply line too long, a count that cannot be trusted, garbage): the
 * connection cannot be resynchronised and must be dropped.
 */
public final class RmtProtocolException extends RmtException {
    private static final long serialVersionUID = 1L;

    /** A framing violation, reported as EIO with {@code detail}. */
    public RmtProtocolException(String detail) {
        super(Errno.EIO.number(), detail);
    }
}
