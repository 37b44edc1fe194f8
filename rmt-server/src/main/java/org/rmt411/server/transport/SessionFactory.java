package org.rmt411.server.transport;

import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import org.rmt411.server.session.Peer;

/** Makes one protocol session for a connected pair of streams; transports know only this. */
@FunctionalInterface
public interface SessionFactory {
    /**
     * A session to run on the current thread.
     *
     * @param peer how logs, traces and the audit line name the other end
     */
    Runnable newSession(ReadableByteChannel in, WritableByteChannel out, Peer peer);
}
