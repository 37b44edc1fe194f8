package org.rmt411.server.it;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rmt411d's JVM options and the class-data archive that {@code make-archive.sh} makes at
 * install time (docs/performance.md, "Fast start"): the archive maps, and a stale or missing one
 * is skipped without a byte on stdout or stderr, which are the rmt connection (stdout under ssh,
 * both under inetd).
 */
class FastStartIT {
    private static final Path DIST = Path.of(System.getProperty("user.dir")).resolve("../dist/src/main").normalize();
    private static final Pattern OPTIONS = Pattern.compile("(?m)^JVM_OPTS=\"([^\"]*)\"$");
    private static final String SESSION = "O/f\n578\nW5\nhelloL0\n0\nR5\nC\n";
    private static final String REPLIES = "A0\nA5\nA0\nA5\nhelloA0\n";
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void theArchiveMapsUnderTheLaunchersOptions() throws Exception {
        Path jar = copyJar("lib");
        Path archive = dir.resolve("cache/rmt411.jsa");
        Run made = run("", "sh", DIST.resolve("cds/make-archive.sh").toString(), jar.toString(), archive.toString(), JAVA);
        assertThat(made.exit).as(made.stderr).isZero();
        assertThat(archive).isNotEmptyFile();
        try (var stray = Files.list(archive.getParent())) {
            assertThat(stray).as("no half-made archive left beside it").containsExactly(archive);
        }
        // -Xshare:on after the launcher's -Xshare:auto: fail instead of starting without it.
        Run served = serve(archive, jar, "-Xshare:on");
        assertThat(served.stdout).as(served.stderr).isEqualTo(REPLIES);
        assertThat(served.stderr).isEmpty();
        assertThat(served.exit).isZero();
    }

    @Test
    void aStaleOrMissingArchiveIsSkippedInSilence() throws Exception {
        Path jar = copyJar("lib");
        Path archive = dir.resolve("rmt411.jsa");
        Run made = run("", "sh", DIST.resolve("cds/make-archive.sh").toString(), jar.toString(), archive.toString(), JAVA);
        assertThat(made.exit).as(made.stderr).isZero();
        // Without -Xlog:disable the JVM says "Unable to use shared archive" on stdout here.
        Path moved = copyJar("elsewhere");
        assertSilentAndServed(serve(archive, moved));
        assertSilentAndServed(serve(dir.resolve("missing.jsa"), jar));
        // An upgraded package: same path, another jar.
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 3_600_000));
        assertSilentAndServed(serve(archive, jar));
    }

    @Test
    void aJarThatCannotServeMakesNoArchive() throws Exception {
        Path archive = dir.resolve("rmt411.jsa");
        Path notAJar = Files.writeString(dir.resolve("broken.jar"), "not a jar");
        Run made = run("", "sh", DIST.resolve("cds/make-archive.sh").toString(), notAJar.toString(),
                archive.toString(), JAVA);
        assertThat(made.exit).isEqualTo(1);
        assertThat(made.stderr).startsWith("make-archive.sh: the recording session failed:");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(notAJar);
        }
    }

    private static void assertSilentAndServed(Run served) {
        assertThat(served.stdout).as(served.stderr).isEqualTo(REPLIES);
        assertThat(served.stderr).isEmpty();
        assertThat(served.exit).isZero();
    }

    /**
     * rmt411d's JVM options (rmt-rmt411 runs rmt411d) with its archive path replaced, then the
     * jar in stdio mode.
     */
    private Run serve(Path archive, Path jar, String... extraOptions) throws Exception {
        Matcher m = OPTIONS.matcher(Files.readString(DIST.resolve("bin/rmt411d")));
        assertThat(m.find()).as("rmt411d has its JVM_OPTS line").isTrue();
        List<String> command = new ArrayList<>(List.of(JAVA));
        for (String option : m.group(1).split(" +")) {
            command.add(option.startsWith("-XX:SharedArchiveFile=") ? "-XX:SharedArchiveFile=" + archive : option);
        }
        command.addAll(Arrays.asList(extraOptions));
        Path root = Files.createDirectories(dir.resolve("root-" + System.nanoTime()));
        command.addAll(List.of("-jar", jar.toString(), "--stdio", "--root", root.toString(), "--log", "none"));
        return run(SESSION, command.toArray(new String[0]));
    }

    private Path copyJar(String folder) throws IOException {
        Path jar = Files.createDirectories(dir.resolve(folder)).resolve("rmt-server.jar");
        return Files.copy(Path.of(System.getProperty("rmt411.serverJar", "target/rmt-server.jar")), jar,
                StandardCopyOption.COPY_ATTRIBUTES);
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private Run run(String input, String... command) throws IOException, InterruptedException {
        Path in = Files.writeString(Files.createTempFile(dir, "in", ""), input, ISO_8859_1);
        Path out = Files.createTempFile(dir, "out", "");
        Path err = Files.createTempFile(dir, "err", "");
        try {
            Process p = new ProcessBuilder(command).redirectInput(in.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            return new Run(p.exitValue(), Files.readString(out, ISO_8859_1), Files.readString(err, ISO_8859_1));
        } finally {
            Files.delete(in);
            Files.delete(out);
            Files.delete(err);
        }
    }
}
