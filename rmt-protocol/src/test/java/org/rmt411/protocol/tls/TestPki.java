package org.rmt411.protocol.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates and keys for TLS tests, made by openssl in a test's temporary folder (never
 * committed): a CA, a server certificate for localhost and 127.0.0.1, a client certificate from
 * the CA, an expired one, and one from another CA. Shared by the server and client tests
 * through this module's test jar.
 */
public final class TestPki {
    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    /** Creates every file in {@code dir}. */
    public static TestPki create(Path dir) throws IOException, InterruptedException {
        TestPki pki = new TestPki(dir);
        pki.ca("ca", "rmt411 test CA");
        pki.ca("other-ca", "somebody else's CA");
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        pki.issue("server", "/CN=localhost", "ca", "30", "server.ext");
        pki.issue("client", "/O=rmt411 tests/CN=backup-client", "ca", "30", null);
        pki.issue("expired", "/CN=expired-client", "ca", "-1", null);
        pki.issue("stranger", "/CN=stranger", "other-ca", "30", null);
        return pki;
    }

    /** {@code NAME.pem}: a certificate (ca, other-ca, server, client, expired, stranger). */
    public Path cert(String name) {
        return dir.resolve(name + ".pem");
    }

    /** {@code NAME.key}: its PKCS#8 private key. */
    public Path key(String name) {
        return dir.resolve(name + ".key");
    }

    /** The folder holding everything. */
    public Path dir() {
        return dir;
    }

    private void ca(String name, String cn) throws IOException, InterruptedException {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", key(name).toString(), "-out", cert(name).toString(), "-subj", "/CN=" + cn, "-days", "30");
    }

    private void issue(String name, String subject, String ca, String days, String extensions)
            throws IOException, InterruptedException {
        Path csr = dir.resolve(name + ".csr");
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", key(name).toString(), "-out", csr.toString(), "-subj", subject);
        List<String> sign = new ArrayList<>(List.of("x509", "-req", "-in", csr.toString(), "-CA", cert(ca).toString(),
                "-CAkey", key(ca).toString(), "-days", days, "-out", cert(name).toString()));
        if (extensions != null) {
            sign.addAll(List.of("-extfile", dir.resolve(extensions).toString()));
        }
        openssl(sign.toArray(new String[0]));
    }

    /** Runs openssl with {@code args} in the folder; fails on a non-zero exit. */
    public void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("openssl " + String.join(" ", args) + " failed: "
                    + Files.readString(dir.resolve("openssl.log")));
        }
    }
}
