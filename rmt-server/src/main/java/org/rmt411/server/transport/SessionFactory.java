package org.rmt411.server.transport;

import java.io.InputStream;
import java.io.OutputStream;

/** Makes one protocol session for a connected pair of streams; transports know only this. */
@FunctionalInterface
public interface SessionFactory {
    /**
     * A session to run on the current thread.
     *
     * @param peer how logs and traces name the other end
     */
    Runnable newSession(InputStream in, OutputStream out, String peer);
}
