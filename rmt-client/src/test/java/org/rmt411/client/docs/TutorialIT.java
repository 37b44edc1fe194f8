package org.rmt411.client.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/tutorial.md shows what the real tools print today: docs/tutorial/regenerate.sh runs GNU
 * tar, GNU mt, socat, mtdump, tshark and GNU rmt against the packaged jars into a copy of the document,
 * and the copy must equal the committed one (volatile values masked).
 */
class TutorialIT {
    private static final Pattern REGION = Pattern.compile(
            "<!-- BEGIN transcript ([a-z0-9-]+) -->\n```text\n(.*?)```\n<!-- END transcript \\1 -->", Pattern.DOTALL);
    private static final List<String> TOOLS = List.of("/usr/bin/tar", "/usr/bin/mt-gnu", "/usr/bin/socat",
            "/usr/bin/mtdump", "/usr/sbin/rmt-tar", "/usr/bin/python3", "/usr/bin/tshark");

    @TempDir
    Path work;

    @Test
    void everyTranscriptInTheTutorialIsWhatTheToolsPrintToday() throws Exception {
        String clientJar = System.getProperty("rmt411.clientJar");
        assumeTrue(clientJar != null && Files.exists(Path.of(clientJar)), "the packaged rmt-client.jar");
        for (String tool : TOOLS) {
            assumeTrue(Files.isExecutable(Path.of(tool)), tool + " is installed (.ci/run installs it)");
        }
        Path repo = Path.of(clientJar).toAbsolutePath().getParent().getParent().getParent();
        Path committed = repo.resolve("docs/tutorial.md");
        Path copy = Files.copy(committed, work.resolve("tutorial.md"));

        regenerate(repo, Path.of(clientJar), copy);

        String before = Files.readString(committed, StandardCharsets.UTF_8);
        assertThat(regions(before)).as("transcript regions in docs/tutorial.md").hasSizeGreaterThan(10)
                .allSatisfy(body -> assertThat(body).as("a transcript").isNotBlank());
        assertThat(TranscriptMask.mask(Files.readString(copy, StandardCharsets.UTF_8)))
                .as("docs/tutorial.md is out of date: run docs/tutorial/regenerate.sh and commit the result")
                .isEqualTo(TranscriptMask.mask(before));
    }

    private void regenerate(Path repo, Path clientJar, Path document) throws IOException, InterruptedException {
        Path log = work.resolve("regenerate.log");
        ProcessBuilder pb = new ProcessBuilder("bash", repo.resolve("docs/tutorial/regenerate.sh").toString(),
                document.toString()).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("RMT411_CLIENT_JAR", clientJar.toString());
        pb.environment().put("RMT411_SERVER_JAR", repo.resolve("rmt-server/target/rmt-server.jar").toString());
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process p = pb.start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            // The script stops its own processes on SIGTERM; anything left is stopped by its PID,
            // collected first because a dead parent's children are no longer its descendants.
            List<ProcessHandle> started = p.descendants().toList();
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
            started.forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
        }
        assertThat(p.exitValue()).as("regenerate.sh: " + Files.readString(log)).isZero();
    }

    private static List<String> regions(String document) {
        Matcher m = REGION.matcher(document);
        return m.results().map(r -> r.group(2)).toList();
    }
}
