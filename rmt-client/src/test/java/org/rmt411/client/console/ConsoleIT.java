package org.rmt411.client.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.client.Scripts;

/**
 * The shipped jar's {@code console} with a script piped to it (plain mode), against GNU rmt
 * 1.34 ({@code /usr/sbin/rmt-tar}) started through a fake remote shell as tar starts it: the
 * transcript, with the temporary directory masked, must match the golden one.
 */
class ConsoleIT {
    private static final Path GNU_RMT = Path.of("/usr/sbin/rmt-tar");

    @TempDir
    Path work;

    @Test
    void gnuRmtThroughARemoteShellMatchesTheGoldenTranscript() throws Exception {
        assumeTrue(Files.isExecutable(GNU_RMT), GNU_RMT + " is installed");
        // Relative names, opened in the console's working directory, keep the byte counts stable.
        Path input = Files.writeString(work.resolve("script"), ConsoleTest.resource("gnu-rmt.script"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-jar", System.getProperty("rmt411.clientJar"), "console",
                "--rsh-command", Scripts.fakeRsh(work).toString(), "--rmt-command", GNU_RMT.toString(),
                "--seek-order", "whence-first", "someone@localhost"))
                .directory(work.toFile()).redirectErrorStream(true).redirectInput(input.toFile()).start();
        byte[] out;
        try {
            out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        String got = new String(out, StandardCharsets.UTF_8).replace(work.toString(), "WORK");
        // Kept in target/ so that a changed transcript can be reviewed with diff against the golden one.
        Files.writeString(Path.of("target", "console-gnu-rmt.out"), got);
        assertThat(p.exitValue()).isZero();
        assertThat(got).isEqualTo(ConsoleTest.resource("gnu-rmt.golden"));
    }

}
