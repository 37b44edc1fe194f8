package org.rmt411.server.tape;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rmt411.protocol.MtStatus;

/**
 * Runs real clients (GNU tar, GNU mt, mtdump) against the shipped server jar, through a fake
 * remote shell that runs the server locally in {@code --stdio} mode for every connection.
 */
final class ClientHarness {
    private static final long TIMEOUT_SECONDS = 120;

    final Path dir;
    final Path root;
    final Path rsh;
    private final String serverCommand;
    /** Extra environment for every process this harness starts (S3 credentials). */
    final java.util.Map<String, String> env = new java.util.HashMap<>();

    /** @param serverOptions extra server options (capacity, early warning) */
    ClientHarness(Path dir, String serverOptions) throws IOException {
        this.dir = dir;
        this.root = Files.createDirectories(dir.resolve("root"));
        this.rsh = dir.resolve("fakersh");
        // tar passes its --rmt-command; GNU mt has none and asks for /usr/sbin/rmt, so the
        // script runs the server from RMT411_SERVER_CMD whenever that is set.
        Files.writeString(rsh, "#!/bin/sh\nshift\nif [ \"$1\" = \"-l\" ]; then shift 2; fi\n"
                + "if [ -n \"$RMT411_SERVER_CMD\" ]; then exec sh -c \"$RMT411_SERVER_CMD\"; fi\n"
                + "exec sh -c \"$*\"\n");
        Files.setPosixFilePermissions(rsh, PosixFilePermissions.fromString("rwx------"));
        this.serverCommand = "java -jar " + jar() + " --stdio --root " + root + " " + serverOptions;
    }

    static String jar() {
        String jar = System.getProperty("rmt411.serverJar");
        assertThat(jar).as("system property rmt411.serverJar").isNotNull();
        return jar;
    }

    /** The outcome of one client run. */
    record Run(int exit, String out, String err) {
    }

    Run run(List<String> command, byte[] stdin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("RMT411_SERVER_CMD", serverCommand);
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread outPump = new Thread(() -> copy(p.getInputStream(), out));
            Thread errPump = new Thread(() -> copy(p.getErrorStream(), err));
            outPump.start();
            errPump.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out: " + command);
            }
            outPump.join(10_000);
            errPump.join(10_000);
            return new Run(p.exitValue(), out.toString(StandardCharsets.ISO_8859_1),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private static void copy(InputStream in, OutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // the process died; the exit code tells the story
        }
    }

    /** Starts a server process the test talks to directly; the caller closes its stdin. */
    Process server() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "exec " + serverCommand);
        pb.environment().putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    /** Runs and insists on exit 0. */
    String ok(String... command) throws IOException, InterruptedException {
        Run r = run(List.of(command), new byte[0]);
        assertThat(r.exit()).as(String.join(" ", command) + "\n" + r.err()).isZero();
        return r.out();
    }

    String tar(String... args) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("tar", "--rsh-command=" + rsh, "--rmt-command=" + serverCommand));
        c.addAll(Arrays.asList(args));
        return ok(c.toArray(String[]::new));
    }

    String mt(String device, String... args) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("mt-gnu", "--rsh-command=" + rsh, "-f", "localhost:" + device));
        c.addAll(Arrays.asList(args));
        return ok(c.toArray(String[]::new));
    }

    /** An operator subcommand of the jar ({@code cartridge ...}, {@code drives ...}). */
    String operator(String... args) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("java", "-jar", jar()));
        c.addAll(Arrays.asList(args));
        c.add("--root=" + root);
        return ok(c.toArray(String[]::new));
    }

    /**
     * The raw {@code S} reply of a fresh server for {@code device}, decoded. GNU mt cannot show
     * it: cpio 2.13's rtapelib rejects any status reply longer than 8 bytes.
     */
    MtStatus status(String device) throws IOException, InterruptedException {
        String session = "O" + device + "\n0 O_RDONLY\nS\nC\n";
        Run r = run(List.of("sh", "-c", serverCommand), session.getBytes(StandardCharsets.ISO_8859_1));
        byte[] out = r.out().getBytes(StandardCharsets.ISO_8859_1);
        assertThat(r.out()).as(r.err()).startsWith("A0\nA48\n");
        return MtStatus.fromLinuxBytes(Arrays.copyOfRange(out, 7, 7 + MtStatus.LINUX_X86_64_SIZE));
    }

    /**
     * mtdump's object list as {@code R<length>} and {@code M} tokens. mtdump reports the second
     * of two adjacent marks as "end of logical tape" and stops there.
     */
    List<String> mtdump(Path image) throws IOException, InterruptedException {
        List<String> objects = new ArrayList<>();
        for (String line : ok("mtdump", image.toString()).split("\n")) {
            if (line.contains("end of tape file") || line.contains("end of logical tape")) {
                objects.add("M");
            } else if (line.contains("length = ")) {
                String length = line.substring(line.indexOf("length = ") + 9).split(" ")[0];
                objects.add("R" + length);
            }
        }
        return objects;
    }
}
