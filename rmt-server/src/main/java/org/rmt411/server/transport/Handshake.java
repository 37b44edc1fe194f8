package org.rmt411.server.transport;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Optional;

/**
 * How an accepted TCP connection becomes a session's channels: as it is ({@link #PLAIN}), or
 * after a TLS handshake ({@link TlsHandshake}). Runs on the session's own thread, after the
 * {@code --allow} check and with a session slot held.
 */
public sealed interface Handshake permits Handshake.Plain, TlsHandshake {
    /** Plain TCP: the socket itself carries the session. */
    Handshake PLAIN = new Plain();

    /**
     * The session's channels, or empty when the connection is refused (the refusal is logged
     * and the caller closes the socket).
     *
     * @param peer the peer's address, for the log line
     */
    Optional<Link> accept(SocketChannel socket, String peer) throws IOException;

    /** The transport name the audit line gives sessions of this kind: {@code tcp} or {@code tls}. */
    String transport();

    /**
     * What a session runs on.
     *
     * @param tlsSubject the client certificate's subject, {@code null} when none was presented
     */
    record Link(ReadableByteChannel in, WritableByteChannel out, String tlsSubject) {
    }

    /** Plain TCP. */
    final class Plain implements Handshake {
        private Plain() {
        }

        @Override
        public Optional<Link> accept(SocketChannel socket, String peer) {
            return Optional.of(new Link(socket, socket, null));
        }

        @Override
        public String transport() {
            return "tcp";
        }
    }
}
