package org.rmt411.client.transport;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import javax.net.ssl.SSLSocket;

/**
 * rmt over a TCP connection, as rmt411's server offers it on port 411. Requests are small and
 * answered one by one, so Nagle's delay is switched off (TCP_NODELAY); a read timeout turns a
 * silent server into an error instead of a hang. With {@link TlsSettings} the same runs over TLS.
 */
public final class TcpTransport implements RmtTransport {
    /** The IANA port of rmt. */
    public static final int DEFAULT_PORT = 411;
    private static final int BUFFER = 256 * 1024;

    private final Socket socket;
    private final ReplyDeadlineStream in;
    private final OutputStream out;
    private final String description;

    private TcpTransport(SocketChannel channel, String hostPort, Duration replyTimeout) throws IOException {
        this.socket = channel.socket();
        // The socket's stream honours the read timeout; writes go to the channel directly.
        this.in = new ReplyDeadlineStream(socket, socket.getInputStream(), replyTimeout, hostPort);
        this.out = new ChannelOutputStream(channel, BUFFER);
        this.description = "tcp " + hostPort;
    }

    /** Over TLS: the same 256 KiB of buffering, flushed before each reply is awaited, as TLS records. */
    private TcpTransport(SSLSocket tls, String hostPort, Duration replyTimeout) throws IOException {
        this.socket = tls;
        this.in = new ReplyDeadlineStream(tls, tls.getInputStream(), replyTimeout, hostPort);
        this.out = new BufferedOutputStream(tls.getOutputStream(), BUFFER);
        this.description = "tls " + hostPort;
    }

    /**
     * Connects to {@code host:port}.
     *
     * @param connectTimeout how long to wait for the connection
     * @param readTimeout how long a whole reply may take, from {@link #replyStarts()}, or any
     *     single read outside a reply (zero waits forever)
     */
    public static TcpTransport connect(String host, int port, Duration connectTimeout, Duration readTimeout)
            throws IOException {
        return connect(host, port, connectTimeout, readTimeout, null);
    }

    /**
     * Connects to {@code host:port}, over TLS when {@code tls} is not {@code null}.
     *
     * @param connectTimeout how long to wait for the connection (and the TLS handshake)
     * @param readTimeout as for the plain connection
     */
    public static TcpTransport connect(String host, int port, Duration connectTimeout, Duration readTimeout,
            TlsSettings tls) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            Socket socket = channel.socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            String hostPort = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
            connect(socket, host, port, hostPort, connectTimeout);
            if (tls == null) {
                return new TcpTransport(channel, hostPort, readTimeout);
            }
            socket.setSoTimeout(Math.toIntExact(Math.max(1, connectTimeout.toMillis())));
            SSLSocket ssl = tls.handshake(socket, host, port);
            ssl.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            return new TcpTransport(ssl, hostPort, readTimeout);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Connects, with errors that name host and port (the JDK's say only "Connection refused"). */
    private static void connect(Socket socket, String host, int port, String hostPort, Duration timeout)
            throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new UnknownHostException("cannot resolve host " + host + " (for " + hostPort + ")");
        }
        try {
            socket.connect(address, Math.toIntExact(timeout.toMillis()));
        } catch (SocketTimeoutException e) {
            throw chained(new SocketTimeoutException("cannot connect to " + hostPort + ": no answer within "
                    + timeout.toSeconds() + " s (see --connect-timeout)"), e);
        } catch (ConnectException e) {
            throw chained(new ConnectException("cannot connect to " + hostPort + ": " + e.getMessage()), e);
        } catch (NoRouteToHostException e) {
            throw chained(new NoRouteToHostException("cannot connect to " + hostPort + ": " + e.getMessage()), e);
        }
    }

    private static IOException chained(IOException e, IOException cause) {
        e.initCause(cause);
        return e;
    }

    /** A factory connecting anew on each call. */
    public static Factory factory(String host, int port, Duration connectTimeout, Duration readTimeout) {
        return () -> connect(host, port, connectTimeout, readTimeout);
    }

    /** A factory connecting anew on each call, over TLS when {@code tls} is not {@code null}. */
    public static Factory factory(String host, int port, Duration connectTimeout, Duration readTimeout,
            TlsSettings tls) {
        return () -> connect(host, port, connectTimeout, readTimeout, tls);
    }

    @Override
    public InputStream input() {
        return in;
    }

    @Override
    public void replyStarts() {
        in.replyStarts();
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
