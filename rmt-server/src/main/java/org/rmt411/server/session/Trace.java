package org.rmt411.server.session;

import java.util.logging.Logger;

/**
 * The {@code --trace} teaching aid: one line per request and reply (command, arguments, byte
 * counts, result), never payload bytes, to the log (logger {@code rmt411.trace}), never to a
 * standard stream, which may be the protocol.
 */
interface Trace {
    /** No tracing. */
    Trace OFF = line -> { };

    /** Records one line. */
    void line(String line);

    /** A trace that logs {@code [peer] line}. */
    static Trace of(String peer) {
        Logger log = Logger.getLogger("rmt411.trace");
        return line -> log.info("[" + peer + "] " + line);
    }
}
