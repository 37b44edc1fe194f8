package org.rmt411.client.transport;

import java.io.IOException;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.rmt411.protocol.tls.TlsContexts;

/**
 * Sends a TLS ClientHello on a connected socket and judges the answer: a ServerHello (or a TLS
 * alert) means the port speaks TLS; anything else, or a close, means it does not. Without
 * {@link TlsSettings} the server's certificate is read, not checked, so {@code probe} can show
 * it even when nothing would trust it.
 */
final class TlsProbe {
    private TlsProbe() {
    }

    /**
     * What the handshake found.
     *
     * @param socket the TLS socket when the handshake finished, else {@code null}
     * @param description protocol, certificate subject, issuer and expiry, as far as known
     * @param failure why the handshake did not finish on a TLS server, or {@code null}
     */
    record Finding(SSLSocket socket, String description, String failure) {
    }

    /** The finding, or {@code null} when the peer does not speak TLS (the socket is then spent). */
    static Finding hello(Socket plain, String host, int port, TlsSettings checked) throws IOException {
        Capture capture = new Capture();
        SSLSocket ssl;
        try {
            ssl = checked != null ? checked.handshake(plain, host, port) : inspect(plain, host, port, capture);
        } catch (IOException e) {
            SSLException tls = cause(e);
            if (tls == null || looksPlain(tls)) {
                return null;
            }
            return new Finding(null, describe(capture.leaf, null), tls.getMessage());
        }
        X509Certificate leaf = (X509Certificate) ssl.getSession().getPeerCertificates()[0];
        return new Finding(ssl, describe(leaf, ssl.getSession().getProtocol()), null);
    }

    private static SSLSocket inspect(Socket plain, String host, int port, Capture capture) throws IOException {
        SSLContext context = TlsContexts.context(null, new TrustManager[] {capture});
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setProtocols(TlsContexts.PROTOCOLS);
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        return ssl;
    }

    /** The JDK's words for a peer that answered a ClientHello with no TLS record, or hung up. */
    private static boolean looksPlain(SSLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Unsupported or unrecognized SSL message")
                || message.contains("Remote host terminated") || message.contains("closed");
    }

    private static SSLException cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return (SSLException) t;
            }
        }
        return null;
    }

    private static String describe(X509Certificate leaf, String protocol) {
        StringBuilder sb = new StringBuilder(protocol != null ? protocol : "TLS");
        if (leaf != null) {
            Instant expiry = leaf.getNotAfter().toInstant();
            sb.append("; certificate ").append(leaf.getSubjectX500Principal().getName())
                    .append(", issued by ").append(leaf.getIssuerX500Principal().getName())
                    .append(", expires ").append(expiry)
                    .append(expiry.isBefore(Instant.now()) ? " (EXPIRED)" : "");
        }
        return sb.toString();
    }

    /** Accepts any server certificate and keeps it, for display only. */
    private static final class Capture implements X509TrustManager {
        private X509Certificate leaf;

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            leaf = chain.length > 0 ? chain[0] : null;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a probe is no server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
