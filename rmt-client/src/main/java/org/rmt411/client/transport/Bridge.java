package org.rmt411.client.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Copies a local stdin/stdout pair to a TCP connection and back, so that a stock client that
 * starts rmt through a remote shell (GNU tar, cpio, GNU mt, dump) reaches rmt411's TCP server
 * when this program is its remote shell. End of stdin half-closes the connection (the server
 * sees end of session); the server closing ends the bridge.
 */
public final class Bridge {
    private static final int BUFFER = 64 * 1024;

    private Bridge() {
    }

    /** Connects to {@code host:port} with TCP_NODELAY (rmt is request/response). */
    public static Socket connect(String host, int port, Duration connectTimeout) throws IOException {
        return connect(host, port, connectTimeout, null);
    }

    /**
     * Connects to {@code host:port} with TCP_NODELAY, then shakes hands over TLS when {@code tls}
     * is not {@code null} (within {@code connectTimeout} too).
     */
    public static Socket connect(String host, int port, Duration connectTimeout, TlsSettings tls) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
            if (tls != null) {
                socket.setSoTimeout(Math.toIntExact(Math.max(1, connectTimeout.toMillis())));
                Socket ssl = tls.handshake(socket, host, port);
                ssl.setSoTimeout(0);
                return ssl;
            }
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Pumps until the server closes: stdin to the socket on a daemon thread, the socket to stdout
     * on this one (flushed per chunk, since the client waits for each reply).
     */
    public static void run(Socket socket, InputStream stdin, OutputStream stdout) throws IOException {
        try (socket) {
            pump(socket, stdin, stdout);
        }
    }

    /** The copy of {@link #run}, without closing the socket at the end. */
    static void pump(Socket socket, InputStream stdin, OutputStream stdout) throws IOException {
        Thread upstream = new Thread(() -> {
            try {
                OutputStream toServer = socket.getOutputStream();
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = stdin.read(buffer)) >= 0) {
                    toServer.write(buffer, 0, n);
                }
                socket.shutdownOutput();
            } catch (IOException e) {
                // The server went away: the downstream copy sees it and ends the bridge.
            }
        }, "rmt411-bridge-upstream");
        upstream.setDaemon(true);
        upstream.start();
        InputStream fromServer = socket.getInputStream();
        byte[] buffer = new byte[BUFFER];
        int n;
        while ((n = fromServer.read(buffer)) >= 0) {
            stdout.write(buffer, 0, n);
            stdout.flush();
        }
    }
}
