package org.rmt411.client.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A byte pipe to one rmt server session: a TCP connection, or the pipes of a remote shell that
 * runs the server. Closing it ends the session; a transport is used for exactly one session
 * because GNU rmt exits after {@code C}.
 */
public interface RmtTransport extends Closeable {
    /** Replies from the server (unbuffered is fine: the reply decoder buffers). */
    InputStream input();

    /** Requests to the server, buffered; callers flush when they want an answer. */
    OutputStream output();

    /** Says what this transport reaches, for messages ("tcp 127.0.0.1:411", "ssh host rmt"). */
    String describe();

    /**
     * Starts the clock for one reply: the reads that follow, until the next call, must together
     * finish within the transport's timeout (--timeout bounds a whole reply, not each read, so a
     * server trickling one byte at a time is cut off). Transports without a timeout ignore it.
     */
    default void replyStarts() {
    }

    /** Ends the session and releases the connection or process. */
    @Override
    void close() throws IOException;

    /** Opens a fresh transport each time it is called, so a command can use several sessions. */
    @FunctionalInterface
    interface Factory {
        /** A new, connected transport. */
        RmtTransport connect() throws IOException;
    }
}
