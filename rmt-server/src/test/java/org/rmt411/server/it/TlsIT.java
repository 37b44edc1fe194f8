package org.rmt411.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.protocol.tls.TestPki;

/**
 * Stock GNU tar and GNU mt reach the packaged server's mutual-TLS listener with socat's
 * {@code OPENSSL:} address as their remote shell, as the README shows; plaintext and
 * certificate-less clients are turned away with one log line each.
 */
@Timeout(300)
class TlsIT {
    @TempDir
    static Path work;
    static Path root;
    static Path src;
    static TestPki pki;
    static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        root = Files.createDirectories(work.resolve("root"));
        src = Trees.sample(work);
        pki = TestPki.create(Files.createDirectories(work.resolve("pki")));
        server = ServerProcess.tcp(root, "--tls-cert", pki.cert("server").toString(), "--tls-key",
                pki.key("server").toString(), "--tls-client-ca", pki.cert("ca").toString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** A remote shell that ignores host, user and command and runs socat to the server with {@code address}. */
    private static Path rsh(String name, String address) throws IOException {
        Path script = work.resolve(name);
        Files.writeString(script, "#!/bin/sh\nexec socat - '" + address + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static Path tlsShell() throws IOException {
        return rsh("socat-tls", "OPENSSL:localhost:" + server.port() + ",cafile=" + pki.cert("ca") + ",cert="
                + pki.cert("client") + ",key=" + pki.key("client") + ",nodelay");
    }

    /** A server's log once it holds {@code text}: the audit line follows the client's exit by a moment. */
    private static String logged(java.util.concurrent.Callable<String> log, String text) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        String now = log.call();
        while (!now.contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            now = log.call();
        }
        return now;
    }

    @Test
    void gnuTarWritesListsAndExtractsThroughSocatOpenssl() throws Exception {
        String shell = "--rsh-command=" + tlsShell();
        Cmd.run(work, Map.of(), "tar", shell, "-cf", "localhost:/tls.tar", "src").ok();
        assertThat(Files.size(root.resolve("tls.tar")) % 10240).isZero();
        assertThat(Cmd.run(work, Map.of(), "tar", shell, "-tf", "localhost:/tls.tar").ok().stdout())
                .contains("src/file-300000", "src/link");
        Path out = Files.createDirectories(work.resolve("out"));
        Cmd.run(out, Map.of(), "tar", shell, "-xpf", "localhost:/tls.tar").ok();
        Trees.assertSame(src, out.resolve("src"));
        assertThat(logged(server::stderr, "opened=/tls.tar:w")).contains("audit transport=tls",
                "tls=CN%3Dbackup-client%2CO%3Drmt411%20tests");
    }

    @Test
    void gnuMtDrivesATapeThroughSocatOpenssl() throws Exception {
        String shell = "--rsh-command=" + tlsShell();
        Cmd.run(work, Map.of(), "mt-gnu", "-f", "localhost:/dev/nst0", shell, "weof", "2").ok();
        Cmd.run(work, Map.of(), "mt-gnu", "-f", "localhost:/dev/nst0", shell, "rewind").ok();
        Cmd.run(work, Map.of(), "mt-gnu", "-f", "localhost:/dev/nst0", shell, "fsf", "2").ok();
        Cmd.Result past = Cmd.run(work, Map.of(), "mt-gnu", "-f", "localhost:/dev/nst0", shell, "fsf", "1");
        assertThat(past.exit()).as("no third file on the tape").isNotZero();
    }

    @Test
    void socketsFromSystemdServeTlsAsWell() throws Exception {
        // Accept=no (a listening socket) and Accept=yes (one connection per server process).
        for (List<String> mode : List.of(List.<String>of(), List.of("--accept"))) {
            Path tapes = Files.createDirectories(work.resolve("activated" + mode.size()));
            try (Launcher systemd = Launcher.socketActivate(work, mode, "--root", tapes.toString(),
                    "--tls-cert", pki.cert("server").toString(), "--tls-key", pki.key("server").toString(),
                    "--tls-client-ca", pki.cert("ca").toString())) {
                Path shell = rsh("socat-activated", "OPENSSL:localhost:" + systemd.port + ",cafile=" + pki.cert("ca")
                        + ",cert=" + pki.cert("client") + ",key=" + pki.key("client") + ",nodelay");
                Cmd.run(work, Map.of(), "tar", "--rsh-command=" + shell, "-cf", "localhost:/a.tar", "src").ok();
                assertThat(Files.size(tapes.resolve("a.tar")) % 10240).isZero();
                assertThat(logged(systemd::stderr, "audit transport=")).contains(
                        mode.isEmpty() ? "audit transport=tls " : "audit transport=systemd+tls ", "tls=CN%3Dbackup-client");
            }
        }
    }

    @Test
    void plaintextAndCertificateLessClientsGetNothing() throws Exception {
        Cmd.Result plain = Cmd.run(work, Map.of(), "tar", "--rsh-command=" + rsh("socat-plain",
                "TCP:127.0.0.1:" + server.port()), "-tf", "localhost:/tls.tar");
        assertThat(plain.exit()).isNotZero();
        Cmd.Result anonymous = Cmd.run(work, Map.of(), "tar", "--rsh-command=" + rsh("socat-anonymous",
                "OPENSSL:localhost:" + server.port() + ",cafile=" + pki.cert("ca")), "-tf", "localhost:/tls.tar");
        assertThat(anonymous.exit()).isNotZero();
        String log = logged(server::stderr, "TLS handshake failed");
        assertThat(log).containsOnlyOnce("plaintext on a TLS port (first byte 'O')")
                .contains("TLS handshake failed");
    }
}
