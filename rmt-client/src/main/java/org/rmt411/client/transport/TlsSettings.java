package org.rmt411.client.transport;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.rmt411.protocol.tls.Pem;
import org.rmt411.protocol.tls.TlsContexts;

/**
 * How the client speaks TLS to an rmt411 server ({@code --tls}, {@code --cacert},
 * {@code --cert}, {@code --key}). The server's name is checked as HTTPS clients check it
 * (endpoint identification), unless {@code --cacert} holds the server's own certificate: a
 * pinned certificate says who the server is by itself.
 *
 * @param caCert PEM CA certificates (or the server's own) to trust; {@code null} for the JDK's public CAs
 * @param cert PEM client certificate chain for mutual TLS, or {@code null}
 * @param key PEM private key of {@code cert}, or {@code null}
 */
public record TlsSettings(Path caCert, Path cert, Path key) {
    /** Connects as a TLS client over {@code plain}, already connected to {@code host:port}, and shakes hands. */
    public SSLSocket handshake(Socket plain, String host, int port) throws IOException {
        SSLContext context = TlsContexts.context(cert == null ? null : TlsContexts.keyManagers(cert, key), trust());
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setProtocols(TlsContexts.PROTOCOLS);
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(parameters);
        try {
            ssl.startHandshake();
        } catch (IOException e) {
            ssl.close();
            throw new IOException("TLS with " + host + ":" + port + " failed: " + e.getMessage(), e);
        }
        return ssl;
    }

    private TrustManager[] trust() throws IOException {
        TrustManager[] pkix = TlsContexts.trustManagers(caCert);
        if (caCert == null) {
            return pkix;
        }
        List<X509Certificate> pinned = Pem.certificates(caCert);
        for (int i = 0; i < pkix.length; i++) {
            if (pkix[i] instanceof X509ExtendedTrustManager) {
                pkix[i] = new PinnedOrPkix(pinned, (X509ExtendedTrustManager) pkix[i]);
            }
        }
        return pkix;
    }

    /** Accepts a server showing a pinned certificate as its own; anything else goes through PKIX. */
    private static final class PinnedOrPkix extends X509ExtendedTrustManager {
        private final List<X509Certificate> pinned;
        private final X509ExtendedTrustManager pkix;

        PinnedOrPkix(List<X509Certificate> pinned, X509ExtendedTrustManager pkix) {
            this.pinned = pinned;
            this.pkix = pkix;
        }

        private boolean isPinned(X509Certificate[] chain) {
            if (chain.length == 0 || !pinned.contains(chain[0])) {
                return false;
            }
            try {
                chain[0].checkValidity();
                return true;
            } catch (java.security.cert.CertificateException e) {
                return false;
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws java.security.cert.CertificateException {
            if (!isPinned(chain)) {
                pkix.checkServerTrusted(chain, authType, socket);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine)
                throws java.security.cert.CertificateException {
            if (!isPinned(chain)) {
                pkix.checkServerTrusted(chain, authType, engine);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            if (!isPinned(chain)) {
                pkix.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws java.security.cert.CertificateException {
            pkix.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine)
                throws java.security.cert.CertificateException {
            pkix.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            pkix.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return pkix.getAcceptedIssuers();
        }
    }
}
