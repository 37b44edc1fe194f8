package org.rmt411.server.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import org.rmt411.protocol.tls.TlsContexts;

/**
 * {@code --tls-cert}/{@code --tls-key}: every connection must open with a TLS handshake (1.3 or
 * 1.2) within {@link #DEFAULT_TIMEOUT}, so a silent client cannot hold a session slot; with
 * {@code --tls-client-ca} the client must show a certificate that CA issued and that has not
 * expired. A client that speaks plaintext rmt instead gets no reply at all (an rmt error line
 * would tell a scanner what listens) and one log line.
 */
public final class TlsHandshake implements Handshake {
    /** How long a client has for the whole handshake. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(TlsHandshake.class.getName());
    /** The first byte of every TLS record that opens a handshake (ContentType handshake). */
    private static final int HANDSHAKE_RECORD = 0x16;

    static {
        // TLS 1.2 lets a client renegotiate mid-session, a CPU-exhaustion lever and the root of
        // past TLS attacks; rmt never needs it. Set before any SSL context reads the property.
        if (System.getProperty("jdk.tls.rejectClientInitiatedRenegotiation") == null) {
            System.setProperty("jdk.tls.rejectClientInitiatedRenegotiation", "true");
        }
    }

    /** One daemon thread enforces every handshake deadline. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "rmt411-tls-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private final SSLContext context;
    private final boolean clientCertificates;
    private final Duration timeout;

    private TlsHandshake(SSLContext context, boolean clientCertificates, Duration timeout) {
        this.context = context;
        this.clientCertificates = clientCertificates;
        this.timeout = timeout;
    }

    /**
     * Reads the PEM files; an {@link IOException} names the file and what is wrong with it.
     *
     * @param clientCa CA certificates client certificates must chain to, or {@code null} for
     *     no client certificates
     */
    public static TlsHandshake load(Path cert, Path key, Path clientCa) throws IOException {
        SSLContext context = TlsContexts.context(TlsContexts.keyManagers(cert, key),
                clientCa == null ? null : TlsContexts.trustManagers(clientCa));
        return new TlsHandshake(context, clientCa != null, DEFAULT_TIMEOUT);
    }

    /** The same listener with another handshake deadline (tests use a short one). */
    public TlsHandshake withTimeout(Duration handshakeTimeout) {
        return new TlsHandshake(context, clientCertificates, handshakeTimeout);
    }

    /** Whether clients must show a certificate. */
    public boolean requiresClientCertificates() {
        return clientCertificates;
    }

    @Override
    public String transport() {
        return "tls";
    }

    @Override
    public Optional<Link> accept(SocketChannel channel, String peer) throws IOException {
        // Each read waits at most the timeout, and a guard closes the connection when the whole
        // handshake has not finished by then: a client dribbling a byte at a time gains nothing.
        ScheduledFuture<?> guard = DEADLINES.schedule(() -> closeQuietly(channel), timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            return handshake(channel, peer);
        } catch (IOException e) {
            return refused(peer, guard.isDone() ? "TLS handshake not finished within " + shown(timeout)
                    : "TLS handshake failed: " + e.getMessage());
        } finally {
            guard.cancel(false);
        }
    }

    private Optional<Link> handshake(SocketChannel channel, String peer) throws IOException {
        Socket socket = channel.socket();
        socket.setSoTimeout(Math.toIntExact(Math.max(1, timeout.toMillis())));
        int first;
        try {
            first = socket.getInputStream().read();
        } catch (SocketTimeoutException e) {
            return refused(peer, "no TLS handshake within " + shown(timeout));
        }
        if (first < 0) {
            LOG.log(Level.DEBUG, () -> "connection from " + peer + " closed before a TLS handshake");
            return Optional.empty();
        }
        if (first != HANDSHAKE_RECORD) {
            return refused(peer, "plaintext on a TLS port (first byte " + shown(first)
                    + "); clients need --tls, or socat OPENSSL:, or rmt411 bridge --tls");
        }
        SSLSocket ssl = (SSLSocket) context.getSocketFactory()
                .createSocket(socket, new ByteArrayInputStream(new byte[] {(byte) first}), true);
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(TlsContexts.PROTOCOLS);
        parameters.setNeedClientAuth(clientCertificates);
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        return Optional.of(new Link(new TlsInput(ssl), Channels.newChannel(ssl.getOutputStream()), subject(ssl)));
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Closed already: the handshake is over either way.
        }
    }

    /**
     * The session's input over TLS. Closing it (the idle timeout, a shutdown) ends the input as a
     * client that stopped sending would, and leaves the output open, so the session can still
     * reply (E5 for a payload cut short) and end with close_notify. Neither closing the TLS stream
     * nor shutting the TCP input under it can do that: the JDK then closes the whole socket. So the
     * read waits in short slices ({@link #POLL_MILLIS}; a TLS read timeout leaves the connection
     * intact) and looks between them whether the input was closed.
     */
    private static final class TlsInput implements ReadableByteChannel {
        private static final int POLL_MILLIS = 200;
        private final InputStream tls;
        /** For a direct buffer: a TLS record holds at most 16 KiB, so one read never needs more. */
        private final byte[] chunk = new byte[16 * 1024];
        private volatile boolean ended;

        TlsInput(SSLSocket socket) throws IOException {
            socket.setSoTimeout(POLL_MILLIS);
            this.tls = socket.getInputStream();
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            while (!ended) {
                try {
                    return dst.hasArray() ? readInto(dst) : readVia(dst);
                } catch (SocketTimeoutException e) {
                    // A slice ended with nothing to read: look at the flag and wait on.
                }
            }
            return -1;
        }

        /** Decrypts straight into the session's heap buffer, without a copy. */
        private int readInto(ByteBuffer dst) throws IOException {
            int n = tls.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
            if (n > 0) {
                dst.position(dst.position() + n);
            }
            return n;
        }

        private int readVia(ByteBuffer dst) throws IOException {
            int n = tls.read(chunk, 0, Math.min(chunk.length, dst.remaining()));
            if (n > 0) {
                dst.put(chunk, 0, n);
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return !ended;
        }

        @Override
        public void close() {
            ended = true;
        }
    }

    private String subject(SSLSocket ssl) {
        if (!clientCertificates) {
            return null;
        }
        try {
            Certificate[] chain = ssl.getSession().getPeerCertificates();
            return ((X509Certificate) chain[0]).getSubjectX500Principal().getName();
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    private static Optional<Link> refused(String peer, String why) {
        LOG.log(Level.WARNING, "refused " + peer + ": " + why);
        return Optional.empty();
    }

    private static String shown(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String shown(int b) {
        return b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : String.format("0x%02x", b);
    }
}
