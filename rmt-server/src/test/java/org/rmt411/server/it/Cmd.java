package org.rmt411.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real tool (tar, cpio, mt, dump) with a deadline and keeps what it printed. */
final class Cmd {
    /** The outcome of one run. */
    record Result(int exit, String stdout, String stderr) {
        Result ok() {
            assertThat(exit).as("exit status; stderr:\n" + stderr).isZero();
            return this;
        }
    }

    private Cmd() {
    }

    static Result run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("cmd", ".out");
        Path err = Files.createTempFile("cmd", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
                throw new AssertionError("timed out: " + String.join(" ", command) + "\n" + Files.readString(err));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * A fake remote shell, the way tar, cpio, mt and dump call one ({@code RSH host [-l user]
     * COMMAND}): it ignores host and user and, depending on the environment, bridges to the TCP
     * server with socat ({@code RMT411_BRIDGE_PORT}), runs rmt411 in stdio mode instead of the
     * command it was given ({@code RMT411_SERVER_CMD}; GNU mt and cpio cannot choose the rmt
     * command), or runs the given command locally.
     */
    static Path fakeRsh(Path dir) throws IOException {
        Path script = dir.resolve("fakersh");
        Files.writeString(script, String.join("\n", List.of(
                "#!/bin/sh",
                "shift",
                "if [ \"$1\" = \"-l\" ]; then shift 2; fi",
                "if [ -n \"$RMT411_BRIDGE_PORT\" ]; then exec socat - TCP:127.0.0.1:$RMT411_BRIDGE_PORT; fi",
                "if [ -n \"$RMT411_SERVER_CMD\" ]; then exec sh -c \"$RMT411_SERVER_CMD\"; fi",
                "exec sh -c \"$*\"", "")));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
