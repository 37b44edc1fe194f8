package org.rmt411.server.transport;

import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.rmt411.server.session.Peer;

/**
 * Accepts rmt connections on a listening socket (ours, or one inherited from systemd
 * {@code Accept=no}) and runs one session per connection on its own thread.
 */
public final class TcpServer implements Closeable {
    private static final System.Logger LOG = System.getLogger(TcpServer.class.getName());
    private static final byte[] BUSY = "E16\nToo many rmt sessions, try again later\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocketChannel listener;
    private final SessionFactory sessions;
    private final CidrSet allow;
    private final Semaphore slots;
    private final Handshake handshake;
    private final Set<SocketChannel> active = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();
    private final Thread acceptor;
    private final int port;
    private volatile boolean closed;

    /**
     * Starts serving on {@code listener}, which must already be bound.
     *
     * @param maxSessions connections served at once; more are refused with {@code E16}
     */
    public TcpServer(ServerSocketChannel listener, SessionFactory sessions, CidrSet allow, int maxSessions) {
        this(listener, sessions, allow, new Semaphore(maxSessions), Handshake.PLAIN);
    }

    /**
     * Starts serving on {@code listener}; {@code slots} may be shared by several listeners;
     * {@code handshake} turns each connection into the session's channels (plain or TLS).
     */
    TcpServer(ServerSocketChannel listener, SessionFactory sessions, CidrSet allow, Semaphore slots,
            Handshake handshake) {
        this.listener = listener;
        this.sessions = sessions;
        this.allow = allow;
        this.slots = slots;
        this.handshake = handshake;
        this.port = localPort(listener);
        this.acceptor = new Thread(this::acceptLoop, "rmt411-accept");
        acceptor.start();
    }

    /** Binds {@code address} (port 0 picks a free port) and starts serving. */
    public static TcpServer bind(InetSocketAddress address, SessionFactory sessions, CidrSet allow,
            int maxSessions) throws IOException {
        return bind(address, sessions, allow, maxSessions, Handshake.PLAIN);
    }

    /** Binds {@code address} and starts serving, each connection through {@code handshake}. */
    public static TcpServer bind(InetSocketAddress address, SessionFactory sessions, CidrSet allow,
            int maxSessions, Handshake handshake) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(address, 128);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        return new TcpServer(listener, sessions, allow, new Semaphore(maxSessions), handshake);
    }

    /** The port actually listened on. */
    public int port() {
        return port;
    }

    /** Blocks until the server has been closed. */
    public void awaitTermination() throws InterruptedException {
        acceptor.join();
    }

    private static int localPort(ServerSocketChannel listener) {
        try {
            return ((InetSocketAddress) listener.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.ERROR, "accept failed, server stops: " + e);
                }
                return;
            }
            admit(socket);
        }
    }

    private void admit(SocketChannel socket) {
        InetSocketAddress remote;
        try {
            remote = (InetSocketAddress) socket.getRemoteAddress();
        } catch (IOException e) {
            closeQuietly(socket);
            return;
        }
        String peer = remote.getAddress().getHostAddress() + ":" + remote.getPort();
        if (!allow.contains(remote.getAddress())) {
            LOG.log(Level.WARNING, "refused " + peer + ": not in --allow " + allow);
            closeQuietly(socket);
            return;
        }
        if (!slots.tryAcquire()) {
            LOG.log(Level.WARNING, "refused " + peer + ": --max-sessions reached");
            refuseBusy(socket);
            return;
        }
        Thread thread = new Thread(() -> serve(socket, peer), "rmt411-session-" + counter.incrementAndGet());
        threads.add(thread);
        thread.start();
    }

    private void serve(SocketChannel socket, String peer) {
        active.add(socket);
        LOG.log(Level.INFO, "session from " + peer);
        try (socket) {
            SocketTuning.apply(socket);
            java.util.Optional<Handshake.Link> link = handshake.accept(socket, peer);
            if (link.isPresent()) {
                Handshake.Link l = link.get();
                // Closing the output ends a TLS session with close_notify; for TCP it is the socket.
                try (java.nio.channels.WritableByteChannel out = l.out()) {
                    sessions.newSession(l.in(), out, new Peer(handshake.transport(), peer, l.tlsSubject()), socket).run();
                }
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "session " + peer + ": " + e);
        } finally {
            active.remove(socket);
            slots.release();
            threads.remove(Thread.currentThread());
            LOG.log(Level.INFO, "session from " + peer + " ended");
        }
    }

    private static void refuseBusy(SocketChannel socket) {
        try (socket) {
            socket.write(ByteBuffer.wrap(BUSY));
        } catch (IOException e) {
            // The peer is gone already; nothing to tell it.
        }
    }

    /**
     * Stops accepting, ends every session (each closes its device on the way out) and waits up
     * to five seconds for them.
     */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        for (SocketChannel socket : active) {
            try {
                socket.shutdownInput();
            } catch (IOException e) {
                closeQuietly(socket);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "close: " + e);
        }
    }
}
