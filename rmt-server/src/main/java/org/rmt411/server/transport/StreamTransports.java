package org.rmt411.server.transport;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rmt411.server.session.Peer;

/**
 * The non-listening transports: one session on stdin/stdout (started by rsh, ssh, tar's
 * {@code --rsh-command} or an inetd {@code nowait} entry), and whatever inetd or systemd handed
 * us as {@link System#inheritedChannel()}.
 */
public final class StreamTransports {
    private static final Logger LOG = Logger.getLogger(StreamTransports.class.getName());

    private StreamTransports() {
    }

    /**
     * Runs one session on the process's stdin and stdout and returns at end of input.
     * {@link System#out} is pointed at stderr first, so no stray print can corrupt the protocol.
     */
    public static void serveStdio(SessionFactory sessions) {
        WritableByteChannel out = new FileOutputStream(FileDescriptor.out).getChannel();
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
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
    public static TcpServer serveInherited(SessionFactory sessions, CidrSet allow, int maxSessions)
            throws IOException {
        Channel channel = System.inheritedChannel();
        if (channel instanceof SocketChannel) {
            try (SocketChannel socket = (SocketChannel) channel) {
                SocketAddress remote = socket.getRemoteAddress();
                String peer = String.valueOf(remote);
                if (remote instanceof InetSocketAddress && !allow.contains(((InetSocketAddress) remote).getAddress())) {
                    LOG.log(Level.WARNING, "refused " + peer + ": not in --allow " + allow);
                    return null;
                }
                SocketTuning.apply(socket);
                sessions.newSession(socket, socket, new Peer("inetd", peer)).run();
            }
            return null;
        }
        if (channel instanceof ServerSocketChannel) {
            return new TcpServer((ServerSocketChannel) channel, sessions, allow, maxSessions);
        }
        throw new IOException("--inetd: no socket was inherited (got " + channel
                + "); start rmt-server from inetd or a systemd socket unit, or use --port or --stdio");
    }
}
