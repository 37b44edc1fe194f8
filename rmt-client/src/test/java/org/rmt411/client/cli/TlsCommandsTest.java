package org.rmt411.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.client.InProcessServer;
import org.rmt411.protocol.tls.TestPki;

/** backup, list, mt and probe over TLS: trust, names, client certificates, and what probe shows. */
@Timeout(120)
class TlsCommandsTest {
    @TempDir
    static Path dir;
    private static TestPki pki;
    @TempDir
    Path root;

    @BeforeAll
    static void certificates() throws Exception {
        pki = TestPki.create(dir);
    }

    private String[] tls(String... identity) {
        String[] base = {"--cacert", pki.cert("ca").toString()};
        if (identity.length == 0) {
            return base;
        }
        return new String[] {base[0], base[1], "--cert", pki.cert(identity[0]).toString(), "--key",
            pki.key(identity[0]).toString()};
    }

    private static String[] cat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    @Test
    void backupAndListOverMutualTls() throws Exception {
        Path src = Files.createDirectories(root.resolve("src"));
        Files.writeString(src.resolve("hello.txt"), "hello over TLS\n");
        Path tapes = Files.createDirectories(root.resolve("tapes"));
        try (InProcessServer server = InProcessServer.serveTls(tapes, pki.cert("server"), pki.key("server"),
                pki.cert("ca"))) {
            String[] target = {"-f", "localhost:/t.tar", "--port", String.valueOf(server.port())};
            Cli backup = Cli.run(cat(new String[] {"backup"}, target, tls("client"), new String[] {"-q", src.toString()}));
            assertThat(backup.code()).as(backup.err()).isZero();
            Cli list = Cli.run(cat(new String[] {"list"}, target, tls("client")));
            assertThat(list.code()).as(list.err()).isZero();
            assertThat(list.out()).contains("hello.txt");

            Cli expired = Cli.run(cat(new String[] {"list"}, target, tls("expired")));
            assertThat(expired.code()).isNotZero();
            Cli plain = Cli.run(cat(new String[] {"list"}, target));
            assertThat(plain.code()).isNotZero();
        }
    }

    @Test
    void theServerNameIsCheckedUnlessItsOwnCertificateIsPinned() throws Exception {
        // The client certificate has no localhost name: served as a server certificate, it must not pass...
        try (InProcessServer server = InProcessServer.serveTls(root, pki.cert("client"), pki.key("client"), null)) {
            String[] target = {"-f", "localhost:/dev/nst0", "--port", String.valueOf(server.port())};
            Cli byCa = Cli.run(cat(new String[] {"mt"}, target, tls(), new String[] {"rewind"}));
            assertThat(byCa.code()).isNotZero();
            assertThat(byCa.err()).contains("TLS with localhost:" + server.port() + " failed");
            // ...unless the user pins exactly that certificate.
            Cli pinned = Cli.run(cat(new String[] {"mt"}, target,
                    new String[] {"--cacert", pki.cert("client").toString(), "rewind"}));
            assertThat(pinned.code()).as(pinned.err()).isZero();
        }
        try (InProcessServer server = InProcessServer.serveTls(root, pki.cert("server"), pki.key("server"), null)) {
            Cli byIp = Cli.run(cat(new String[] {"mt", "-f", "127.0.0.1:/dev/nst0", "--port",
                String.valueOf(server.port())}, tls(), new String[] {"rewind"}));
            assertThat(byIp.code()).as(byIp.err()).isZero();
        }
    }

    @Test
    void probeSaysWhetherAPortSpeaksTlsAndShowsTheCertificate() throws Exception {
        try (InProcessServer server = InProcessServer.serveTls(root, pki.cert("server"), pki.key("server"), null)) {
            String where = "localhost:" + server.port();
            Cli unchecked = Cli.run("probe", where, "--greeting-wait", "300");
            assertThat(unchecked.code()).as(unchecked.out() + unchecked.err()).isZero();
            assertThat(unchecked.out()).contains("an rmt server over TLS (TLSv1.3; certificate CN=localhost",
                    "issued by CN=rmt411 test CA", "expires 20", "not verified", "E9");
            Cli checked = Cli.run(cat(new String[] {"probe", where, "--greeting-wait", "300"}, tls()));
            assertThat(checked.code()).isZero();
            assertThat(checked.out()).contains("over TLS").doesNotContain("not verified");
        }
        try (InProcessServer server = InProcessServer.serveTls(root, pki.cert("server"), pki.key("server"),
                pki.cert("ca"))) {
            Cli refused = Cli.run("probe", "localhost:" + server.port(), "--greeting-wait", "300");
            assertThat(refused.code()).as(refused.out()).isEqualTo(ProbeCommand.Answer.TLS.code);
            assertThat(refused.out()).contains("a TLS server", "CN=localhost", "client certificate");
        }
        try (InProcessServer plain = InProcessServer.serve(root)) {
            Cli probe = Cli.run("probe", "127.0.0.1:" + plain.port(), "--greeting-wait", "300");
            assertThat(probe.code()).as(probe.out()).isZero();
            assertThat(probe.out()).contains("an rmt server (answered C", "plaintext, no TLS");
            Cli insisting = Cli.run("probe", "127.0.0.1:" + plain.port(), "--greeting-wait", "300", "--tls");
            assertThat(insisting.code()).isEqualTo(ProbeCommand.Answer.OTHER.code);
            assertThat(insisting.out()).contains("no TLS server");
        }
    }

    @Test
    void certAndKeyComeTogether() {
        assertThat(Cli.run("list", "-f", "h:/x", "--cert", "c.pem").code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(Cli.run("bridge", "h", "--key", "k.pem").code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(Cli.run("list", "-f", "h:/x", "--tls", "--rsh-command", "ssh").code())
                .isEqualTo(ExitCode.USAGE.code());
    }
}
