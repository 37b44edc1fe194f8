package org.rmt411.client.console;

import org.rmt411.protocol.RmtReply;

/**
 * One reply as it came off the wire.
 *
 * @param line the reply's bytes: {@code A<n>\n}, or {@code E<errno>\n<text>\n}
 * @param reply the reply parsed
 * @param payload the data after an {@code A} line of an R or S reply (empty if none)
 */
record Received(byte[] line, RmtReply reply, byte[] payload) {
    /** True for an {@code A} reply. */
    boolean ok() {
        return reply instanceof RmtReply.Ack;
    }

    /** The {@code A} value; only for {@link #ok()} replies. */
    long value() {
        return ((RmtReply.Ack) reply).value();
    }

    /** The errno of an {@code E} or {@code F} reply, 0 for {@code A}. */
    int errno() {
        return reply instanceof RmtReply.Failure ? ((RmtReply.Failure) reply).errno() : 0;
    }
}
