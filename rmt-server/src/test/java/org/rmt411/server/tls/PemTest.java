package org.rmt411.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.protocol.tls.Pem;
import org.rmt411.protocol.tls.TlsContexts;
import org.rmt411.protocol.tls.TestPki;

/** PEM keys in the forms users get them, and the one-line refusals of the rest. */
class PemTest {
    @TempDir
    static Path dir;
    private static TestPki pki;

    @BeforeAll
    static void certificates() throws Exception {
        pki = TestPki.create(dir);
    }

    @Test
    void readsPkcs8AndTheChain() throws IOException {
        assertThat(Pem.privateKey(pki.key("server")).getAlgorithm()).isEqualTo("EC");
        Files.writeString(dir.resolve("chain.pem"), Files.readString(pki.cert("server")) + Files.readString(pki.cert("ca")));
        assertThat(Pem.certificates(dir.resolve("chain.pem"))).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=localhost", "CN=rmt411 test CA");
    }

    @Test
    void wrapsTraditionalRsaAndEcKeys() throws Exception {
        pki.openssl("genrsa", "-traditional", "-out", "rsa1.key", "2048");
        assertThat(Files.readString(dir.resolve("rsa1.key"))).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(Pem.privateKey(dir.resolve("rsa1.key")).getAlgorithm()).isEqualTo("RSA");
        pki.openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "sec1.key");
        assertThat(Files.readString(dir.resolve("sec1.key"))).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(Pem.privateKey(dir.resolve("sec1.key")).getAlgorithm()).isEqualTo("EC");
        // The wrapped key is the real one: it signs for a certificate made from it.
        pki.openssl("req", "-x509", "-key", "sec1.key", "-out", "sec1.pem", "-subj", "/CN=sec1", "-days", "1");
        assertThat(TlsContexts.keyManagers(dir.resolve("sec1.pem"), dir.resolve("sec1.key"))).isNotEmpty();
    }

    @Test
    void refusesWhatItCannotUseWithOneLine() throws Exception {
        pki.openssl("pkcs8", "-topk8", "-in", pki.key("client").toString(), "-out", "locked.key",
                "-passout", "pass:secret");
        assertThatThrownBy(() -> Pem.privateKey(dir.resolve("locked.key")))
                .hasMessageContaining("locked.key: the private key is encrypted").hasMessageContaining("openssl pkey");
        assertThatThrownBy(() -> Pem.privateKey(pki.cert("ca"))).hasMessageContaining("no PEM private key");
        assertThatThrownBy(() -> Pem.certificates(pki.key("ca"))).hasMessageContaining("no PEM certificate");
        assertThatThrownBy(() -> Pem.certificates(dir.resolve("missing.pem")))
                .hasMessageEndingWith("missing.pem: No such file or directory");
        assertThatThrownBy(() -> TlsContexts.keyManagers(pki.cert("server"), pki.key("client")))
                .hasMessageContaining("does not belong to the first certificate").hasMessageContaining("CN=localhost");
    }
}
