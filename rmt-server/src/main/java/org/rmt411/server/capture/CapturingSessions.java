package org.rmt411.server.capture;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.rmt411.server.session.Peer;
import org.rmt411.server.transport.SessionFactory;

/**
 * {@code --capture}: a session factory that records every session it makes into a
 * {@link CaptureFile}, by tapping the channels the session reads and writes. A session on a
 * TCP connection (plain or TLS, whose decrypted bytes are recorded) keeps its real addresses and
 * ports; one on stdin/stdout becomes a synthetic connection to port 411 ({@link Endpoints#stdio}).
 * Without {@code --capture} this class is not in the path at all.
 */
public final class CapturingSessions implements SessionFactory {
    private static final System.Logger LOG = System.getLogger(CapturingSessions.class.getName());

    private final SessionFactory sessions;
    private final CaptureFile file;
    private final Clock clock;
    /** Sessions without a socket so far, to give each its own synthetic port. */
    private final AtomicInteger unconnected = new AtomicInteger();

    private CapturingSessions(SessionFactory sessions, CaptureFile file, Clock clock) {
        this.sessions = sessions;
        this.file = file;
        this.clock = clock;
    }

    /** {@code sessions}, each recorded into {@code file}. */
    public static SessionFactory around(SessionFactory sessions, CaptureFile file) {
        return new CapturingSessions(sessions, file, Clock.systemUTC());
    }

    /** A session on stdin/stdout, a pipe, or a connected socket handed in as its own input. */
    @Override
    public Runnable newSession(ReadableByteChannel in, WritableByteChannel out, Peer peer) {
        Endpoints ends = in instanceof SocketChannel ? ends((SocketChannel) in) : null;
        return recorded(in, out, peer, ends != null ? ends : stdio());
    }

    @Override
    public Runnable newSession(ReadableByteChannel in, WritableByteChannel out, Peer peer, SocketChannel socket) {
        Endpoints ends = ends(socket);
        return recorded(in, out, peer, ends != null ? ends : stdio());
    }

    private Runnable recorded(ReadableByteChannel in, WritableByteChannel out, Peer peer, Endpoints ends) {
        TcpConversation conversation = new TcpConversation(file, ends, clock);
        Runnable session = sessions.newSession(TappedChannels.input(in, conversation),
                TappedChannels.output(out, conversation), peer);
        return () -> {
            conversation.open();
            try {
                session.run();
            } finally {
                conversation.close();
                LOG.log(Level.DEBUG, () -> "captured session " + peer + " as " + ends);
            }
        };
    }

    /** The real addresses, or {@code null} when the socket no longer has them (already closed). */
    private Endpoints stdio() {
        return Endpoints.stdio(ProcessHandle.current().pid(), unconnected.getAndIncrement());
    }

    private static Endpoints ends(SocketChannel socket) {
        try {
            if (socket.getRemoteAddress() instanceof InetSocketAddress remote
                    && socket.getLocalAddress() instanceof InetSocketAddress local) {
                return Endpoints.of(remote, local);
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "capture: no socket addresses: " + e);
        }
        return null;
    }
}
