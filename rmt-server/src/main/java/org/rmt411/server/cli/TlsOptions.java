package org.rmt411.server.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.rmt411.server.transport.Handshake;
import org.rmt411.server.transport.TlsHandshake;

/**
 * {@code --tls-cert}, {@code --tls-key} and {@code --tls-client-ca}: PEM files that turn the TCP
 * listener into TLS, and the CA whose certificates clients must then show.
 *
 * @param cert the server's certificate chain, leaf first, or {@code null} for plain TCP
 * @param key the server's private key (PKCS#8, or traditional RSA/EC), or {@code null}
 * @param clientCa CA certificates client certificates must chain to, or {@code null}
 */
public record TlsOptions(Path cert, Path key, Path clientCa) {
    /** Plain TCP. */
    public static final TlsOptions NONE = new TlsOptions(null, null, null);

    /** Whether the listener speaks TLS. */
    public boolean enabled() {
        return cert != null;
    }

    /** What is wrong with the combination, or {@code null}. */
    String problem(boolean stdio) {
        if ((cert == null) != (key == null)) {
            return cert == null ? "--tls-key needs --tls-cert" : "--tls-cert needs --tls-key";
        }
        if (clientCa != null && cert == null) {
            return "--tls-client-ca needs --tls-cert and --tls-key";
        }
        if (stdio && cert != null) {
            return "--tls-cert applies to TCP listeners, not --stdio (the remote shell is the secure channel there)";
        }
        for (Path file : new Path[] {cert, key, clientCa}) {
            if (file != null && file.toString().isEmpty()) {
                return "--tls-cert, --tls-key, --tls-client-ca: the file name is empty";
            }
        }
        return null;
    }

    /** How connections are accepted: plain, or a TLS handshake with the files read now. */
    Handshake handshake() throws IOException {
        return enabled() ? TlsHandshake.load(cert, key, clientCa) : Handshake.PLAIN;
    }

    /** A few words for the listening log line. */
    String describe() {
        if (!enabled()) {
            return "";
        }
        return clientCa == null ? ", TLS" : ", TLS with client certificates from " + clientCa;
    }
}
