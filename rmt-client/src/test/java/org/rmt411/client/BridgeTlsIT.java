package org.rmt411.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.protocol.tls.TestPki;

/** Stock GNU tar and GNU mt reach a mutual-TLS server through {@code rmt-client bridge --tls}. */
@Timeout(300)
class BridgeTlsIT {
    @TempDir
    Path work;

    @Test
    void gnuTarAndMtThroughTheTlsBridge() throws Exception {
        String jar = System.getProperty("rmt411.clientJar");
        assumeTrue(jar != null && Files.exists(Path.of(jar)), "the packaged rmt-client.jar");
        TestPki pki = TestPki.create(Files.createDirectories(work.resolve("pki")));
        Path tapes = Files.createDirectories(work.resolve("tapes"));
        try (InProcessServer server = InProcessServer.serveTls(tapes, pki.cert("server"), pki.key("server"),
                pki.cert("ca"))) {
            Path bridge = Scripts.tlsBridge(work, Path.of(jar), server.port(), "--cacert", pki.cert("ca").toString(),
                    "--cert", pki.cert("client").toString(), "--key", pki.key("client").toString());
            Path src = Trees.build(work.resolve("parent").resolve("src"));
            run("tar", "-cf", "localhost:/b.tar", "--rsh-command=" + bridge, "-C", src.getParent().toString(), "src");
            assertThat(Files.size(tapes.resolve("b.tar")) % 10240).isZero();
            Path out = Files.createDirectories(work.resolve("out"));
            run("tar", "-xpf", "localhost:/b.tar", "--rsh-command=" + bridge, "-C", out.toString());
            Trees.assertSame(src, out.resolve("src"));
            run("/usr/bin/mt-gnu", "-f", "localhost:/dev/nst0", "--rsh-command=" + bridge, "weof", "1");
            run("/usr/bin/mt-gnu", "-f", "localhost:/dev/nst0", "--rsh-command=" + bridge, "rewind");

            Path anonymous = Scripts.tlsBridge(Files.createDirectories(work.resolve("anon")), Path.of(jar),
                    server.port(), "--cacert", pki.cert("ca").toString());
            Process refused = new ProcessBuilder("tar", "-tf", "localhost:/b.tar", "--rsh-command=" + anonymous)
                    .redirectErrorStream(true).start();
            refused.getInputStream().readAllBytes();
            assertThat(refused.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(refused.exitValue()).as("no client certificate").isNotZero();
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }
}
