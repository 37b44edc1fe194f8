package org.rmt411.client.transport;

/**
 * One request as a stock client sent it, cut out of its byte stream by {@link RequestFramer}:
 * the bytes are forwarded as they came, so that what the server sees is exactly what the client
 * wrote.
 *
 * @param letter the command letter, or 0 when the framer could not make sense of the bytes
 *     (then {@code head} holds them and the bridge stops interpreting)
 * @param head the request's bytes, without a W payload
 * @param count the number of an {@code R} or {@code W}, else 0
 */
record RequestFrame(char letter, byte[] head, long count) {
    /** Whether this is a W, whose {@code count} payload bytes follow {@code head}. */
    boolean isWrite() {
        return letter == 'W';
    }

    /** Whether the framer gave up on the stream here. */
    boolean unknown() {
        return letter == 0;
    }
}
