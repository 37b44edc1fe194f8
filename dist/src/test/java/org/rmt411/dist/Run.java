package org.rmt411.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real tool (dpkg, lintian, tar, cpio, mt) with a deadline and keeps what it printed. */
final class Run {
    /** The outcome of one run. */
    record Result(List<String> command, int exit, String stdout, String stderr) {
        Result ok() {
            assertThat(exit).as(String.join(" ", command) + " exit status; stderr:\n" + stderr + "\nstdout:\n" + stdout)
                    .isZero();
            return this;
        }
    }

    private Run() {
    }

    /** Runs {@code command} in {@code dir}, stdin from /dev/null, for at most five minutes. */
    static Result in(Path dir, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("run", ".out");
        Path err = Files.createTempFile("run", ".err");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
                throw new AssertionError("timed out: " + String.join(" ", command) + "\n" + Files.readString(err));
            }
            return new Result(List.of(command), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs {@code command} in the current folder. */
    static Result run(String... command) throws IOException, InterruptedException {
        return in(Path.of("."), command);
    }

    /** Runs a {@code sh -c} script in {@code dir}. */
    static Result sh(Path dir, String script) throws IOException, InterruptedException {
        return in(dir, "sh", "-c", script);
    }

    /** Whether {@code program} is on the PATH. */
    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
