package org.rmt411.client.console;

/**
 * One friendly command turned into wire bytes.
 *
 * @param kind which request it is, for explaining the reply
 * @param request the request line(s) exactly as sent
 * @param payload the W data sent after the request (empty for every other request)
 * @param op the Linux MTIOCTOP op of a tape command, else -1
 * @param subject what the command names (a device, a count), for the explanation
 */
record Step(Kind kind, byte[] request, byte[] payload, int op, String subject) {
    /** The request kinds the friendly commands send. */
    enum Kind { OPEN, CLOSE, READ, WRITE, IOCTL, STATUS, SEEK, VERSION }

    /** True when an {@code A} reply to this request is followed by data (R and S). */
    boolean payloadFollows() {
        return kind == Kind.READ || kind == Kind.STATUS;
    }
}
