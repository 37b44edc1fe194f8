package org.rmt411.server.transport;

import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
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

    /**
     * A session on a TCP connection, plain or TLS: {@code socket} is the connection under
     * {@code in} and {@code out}, for a factory that needs its addresses ({@code --capture}).
     */
    default Runnable newSession(ReadableByteChannel in, WritableByteChannel out, Peer peer, SocketChannel socket) {
        return newSession(in, out, peer);
    }
}
