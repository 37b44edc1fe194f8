package org.rmt411.protocol.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * SSL contexts from PEM files, for the server's listener and for the client's connections. Only
 * TLS 1.3 and 1.2 are ever enabled ({@link #PROTOCOLS}); older versions have known weaknesses and
 * every client rmt411 serves through (the JDK, OpenSSL behind socat) speaks 1.2 at least.
 */
public final class TlsContexts {
    /** The protocol versions both ends enable. */
    public static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final char[] NO_PASSWORD = new char[0];

    private TlsContexts() {
    }

    /** Key managers presenting the chain in {@code certFile} with the key in {@code keyFile}. */
    public static KeyManager[] keyManagers(Path certFile, Path keyFile) throws IOException {
        List<X509Certificate> chain = Pem.certificates(certFile);
        PrivateKey key = Pem.privateKey(keyFile);
        requireMatch(chain.get(0), key, certFile, keyFile);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("rmt411", key, NO_PASSWORD, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, NO_PASSWORD);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new IOException(keyFile + ": cannot use this key with " + certFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Trust managers accepting chains that end at a certificate in {@code caFile}, or the JDK's
     * own trust store (the public CAs) when {@code caFile} is {@code null}. Expiry and issuer are
     * checked by the JDK's PKIX validation.
     */
    public static TrustManager[] trustManagers(Path caFile) throws IOException {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (caFile == null) {
                factory.init((KeyStore) null);
                return factory.getTrustManagers();
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : Pem.certificates(caFile)) {
                store.setCertificateEntry("ca" + i++, ca);
            }
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IOException(caFile + ": cannot trust these certificates: " + e.getMessage(), e);
        }
    }

    /** A TLS context from key managers (may be {@code null}: no certificate to show) and trust managers. */
    public static SSLContext context(KeyManager[] keys, TrustManager[] trust) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS is not available in this Java runtime: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a key that does not belong to the certificate now, rather than at every handshake
     * (a common slip after a renewal that replaced one file and not the other).
     */
    private static void requireMatch(X509Certificate cert, PrivateKey key, Path certFile, Path keyFile)
            throws IOException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        byte[] probe = "rmt411 key check".getBytes(StandardCharsets.US_ASCII);
        boolean matches;
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            matches = false;
        }
        if (!matches) {
            throw new IOException(keyFile + ": this private key does not belong to the first certificate in "
                    + certFile + " (" + cert.getSubjectX500Principal().getName() + ")");
        }
    }
}
