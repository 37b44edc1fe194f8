package org.rmt411.server.transport;

import java.io.OutputStream;
import java.nio.channels.ReadableByteChannel;

/** Makes one protocol session for a connected pair of streams; transports know only this. */
@FunctionalInterface
public interface SessionFactory {
    /**
     * A session to run on the current thread.
     *
     * @param peer how logs and traces name the other end
     */
    Runnable newSession(ReadableByteChannel in, OutputStream out, String peer);
}
