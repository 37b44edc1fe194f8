package org.rmt411.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stock GNU tar and GNU mt reach the TCP server through {@code rmt-client bridge} used as their
 * --rsh-command (via a one-line wrapper, since they exec the remote shell without a shell).
 */
class BridgeIT {
    @TempDir
    Path work;
    private Path tapes;
    private InProcessServer server;
    private Path bridge;

    @BeforeEach
    void start() throws Exception {
        String jar = System.getProperty("rmt411.clientJar");
        assumeTrue(jar != null && Files.exists(Path.of(jar)), "the packaged rmt-client.jar");
        tapes = Files.createDirectories(work.resolve("tapes"));
        server = InProcessServer.serve(tapes);
        bridge = Scripts.bridge(work, Path.of(jar), server.port());
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void gnuTarWritesListsAndExtractsThroughTheBridge() throws Exception {
        Path src = Trees.build(work.resolve("parent").resolve("src"));
        Result create = run("tar", "-cf", "localhost:/b.tar", "--rsh-command=" + bridge, "-C", src.getParent().toString(), "src");
        assertThat(create.code()).as(create.output()).isZero();
        assertThat(Files.size(tapes.resolve("b.tar")) % 10240).isZero();

        Result list = run("tar", "-tf", "localhost:/b.tar", "--rsh-command=" + bridge);
        assertThat(list.code()).as(list.output()).isZero();
        assertThat(list.output()).contains("src/plain.txt", "src/link-to-plain");

        Path out = Files.createDirectories(work.resolve("out"));
        Result extract = run("tar", "-xpf", "localhost:/b.tar", "--rsh-command=" + bridge, "-C", out.toString());
        assertThat(extract.code()).as(extract.output()).isZero();
        Trees.assertSame(src, out.resolve("src"));
    }

    @Test
    void gnuMtGetsTheServersAnswerThroughTheBridge() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mt-gnu")), "GNU mt");
        Files.write(tapes.resolve("plain"), new byte[10]);
        // A plain file is no tape: the server's ENOTTY must travel back to mt word for word.
        Result rewind = run("/usr/bin/mt-gnu", "-f", "localhost:/plain", "--rsh-command=" + bridge, "rewind");
        assertThat(rewind.code()).isNotZero();
        assertThat(rewind.output()).contains("Inappropriate ioctl for device");
        Result missing = run("/usr/bin/mt-gnu", "-f", "localhost:/missing", "--rsh-command=" + bridge, "rewind");
        assertThat(missing.output()).contains("No such file or directory");
    }

    private record Result(int code, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " hung: " + output);
        }
        return new Result(p.exitValue(), output);
    }
}
