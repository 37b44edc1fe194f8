package org.rmt411.server.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;

/** A loopback TCP (or TLS) client connection for the contract suite. */
final class SocketConnection implements SessionContract.Connection {
    private final Socket socket;
    private final Runnable onClose;

    SocketConnection(int port, Runnable onClose) throws IOException {
        this(new Socket(InetAddress.getLoopbackAddress(), port), onClose);
    }

    /** A connection over {@code socket}, already connected (an SSLSocket for TLS). */
    SocketConnection(Socket socket, Runnable onClose) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        this.onClose = onClose;
    }

    @Override
    public InputStream in() {
        try {
            return socket.getInputStream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public OutputStream out() {
        try {
            return socket.getOutputStream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void endOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        onClose.run();
    }
}
