package org.rmt411.server.session;

import java.io.PrintStream;

/**
 * The {@code --trace} teaching aid: one line per request and reply (command, arguments, byte
 * counts, result), never payload bytes, always on stderr because stdout may be the protocol.
 */
interface Trace {
    /** No tracing. */
    Trace OFF = line -> { };

    /** Records one line. */
    void line(String line);

    /** A trace that prints {@code [peer] line} to {@code err}. */
    static Trace to(PrintStream err, String peer) {
        return line -> {
            synchronized (err) {
                err.println("rmt411 [" + peer + "] " + line);
            }
        };
    }
}
