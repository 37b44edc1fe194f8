package org.rmt411.server.transport;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rmt411.server.session.Peer;

/**
 * The transports that do not bind a port: one session on stdin/stdout (started by rsh, ssh,
 * tar's {@code --rsh-command} or an inetd {@code nowait} entry), whatever inetd or systemd
 * handed us as {@link System#inheritedChannel()}, and the sockets of systemd's native socket
 * activation ({@code LISTEN_FDS}).
 */
public final class StreamTransports {
    private static final Logger LOG = Logger.getLogger(StreamTransports.class.getName());

    private StreamTransports() {
    }

    /**
     * Runs one session on the process's stdin and stdout and returns at end of input.
     * {@link System#out} is pointed at {@link System#err} (the log) first, so no stray print can
     * corrupt the protocol.
     */
    public static void serveStdio(SessionFactory sessions) {
        WritableByteChannel out = new FileOutputStream(FileDescriptor.out).getChannel();
        System.setOut(System.err);
        // stdin's and stdout's own channels let payloads pass between pipe and file without a copy.
        sessions.newSession(new FileInputStream(FileDescriptor.in).getChannel(), out, Peer.ofStdio(System.getenv())).run();
    }

    /**
     * Serves the inherited channel: a connected socket (inetd {@code nowait}, systemd
     * {@code Accept=yes}) gets one session; a listening socket (systemd {@code Accept=no}) is
     * served like {@code --port} until closed. {@code allow} applies to both, as on
     * {@code --port}: a connected peer outside it is closed without a byte.
     *
     * @return the server for a listening socket, or {@code null} after a single session ended
     * @throws IOException if nothing usable was inherited
     */
    public static TcpServer serveInherited(SessionFactory sessions, CidrSet allow, int maxSessions,
            Handshake handshake) throws IOException {
        Channel channel = System.inheritedChannel();
        if (channel instanceof SocketChannel) {
            serveConnected((SocketChannel) channel, sessions, allow, "inetd", handshake);
            return null;
        }
        if (channel instanceof ServerSocketChannel) {
            return new TcpServer((ServerSocketChannel) channel, sessions, allow, new Semaphore(maxSessions),
                    handshake);
        }
        throw new IOException("--inetd: no socket was inherited (got " + channel
                + "); start rmt-server from inetd or a systemd socket unit, or use --port or --stdio");
    }

    /**
     * Serves the {@code count} sockets systemd passed from fd 3 on: each listening socket
     * ({@code Accept=no}) like {@code --port}, sharing one {@code maxSessions} limit; each
     * connected one ({@code Accept=yes}) as one session, returning once those have ended.
     *
     * @return the servers of the listening sockets (empty when there were none)
     */
    public static List<TcpServer> serveActivated(SessionFactory sessions, CidrSet allow, int maxSessions, int count,
            Handshake handshake) throws IOException, InterruptedException {
        Channel[] channels = InheritedSockets.adopt(SocketActivation.FIRST_FD, count);
        for (int i = 0; i < count; i++) {
            if (!isTcp(channels[i])) {
                closeAll(channels);
                throw new IOException("LISTEN_FDS: fd " + (SocketActivation.FIRST_FD + i) + " is not a TCP stream"
                        + " socket; rmt needs ListenStream=[ADDRESS:]PORT");
            }
        }
        Semaphore slots = new Semaphore(maxSessions);
        List<TcpServer> servers = new ArrayList<>();
        List<Thread> connections = new ArrayList<>();
        for (Channel channel : channels) {
            if (channel instanceof ServerSocketChannel) {
                servers.add(new TcpServer((ServerSocketChannel) channel, sessions, allow, slots, handshake));
            } else {
                Thread thread = new Thread(() -> serveConnected((SocketChannel) channel, sessions, allow, "systemd",
                        handshake),
                        "rmt411-activated");
                thread.start();
                connections.add(thread);
            }
        }
        for (Thread thread : connections) {
            thread.join();
        }
        return servers;
    }

    private static boolean isTcp(Channel channel) {
        try {
            return (channel instanceof ServerSocketChannel || channel instanceof SocketChannel)
                    && ((java.nio.channels.NetworkChannel) channel).getLocalAddress() instanceof InetSocketAddress;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeAll(Channel[] channels) {
        for (Channel channel : channels) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "close: " + e);
            }
        }
    }

    /**
     * One session on a connected socket, unless its peer is outside {@code allow} or fails the
     * handshake; {@code transport} names how it came for the audit line ({@code +tls} added).
     */
    private static void serveConnected(SocketChannel channel, SessionFactory sessions, CidrSet allow,
            String transport, Handshake handshake) {
        try (SocketChannel socket = channel) {
            SocketAddress remote = socket.getRemoteAddress();
            String peer = String.valueOf(remote);
            if (remote instanceof InetSocketAddress && !allow.contains(((InetSocketAddress) remote).getAddress())) {
                LOG.log(Level.WARNING, "refused " + peer + ": not in --allow " + allow);
                return;
            }
            SocketTuning.apply(socket);
            java.util.Optional<Handshake.Link> link = handshake.accept(socket, peer);
            if (link.isPresent()) {
                String name = handshake == Handshake.PLAIN ? transport : transport + "+tls";
                try (WritableByteChannel out = link.get().out()) {
                    sessions.newSession(link.get().in(), out, new Peer(name, peer, link.get().tlsSubject()), socket)
                            .run();
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "session on inherited socket: " + e);
        }
    }
}
