package org.rmt411.protocol;

/** A reply line as the client sees it. Payload bytes, if any, follow an {@link Ack}. */
public sealed interface RmtReply {

    /** {@code A<value>⏎}. */
    record Ack(long value) implements RmtReply {
    }

    /**
     * {@code E<errno>⏎<text>⏎}, or {@code F<errno>⏎<text>⏎} when {@code fatal} (understood by
     * every client, sent by no known server).
     */
    record Failure(int errno, String text, boolean fatal) implements RmtReply {
        /** This failure as an exception. */
        public RmtException toException() {
            return new RmtException(errno, text);
        }
    }
}
