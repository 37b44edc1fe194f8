package org.rmt411.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.server.tape.TapeLibrary;

/**
 * {@code bridge --write-behind} with stock GNU tar: the same cartridges as without it when
 * {@code tar -M} meets early warning, a write failure the server reports late still fails tar,
 * and a stock GNU rmt (no headroom extension) gets the plain request-by-request relay.
 */
class WriteBehindIT {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path work;

    @Test
    void tarMultiVolumeMakesTheSameCartridgesWithAndWithoutWriteBehind() throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        byte[] noise = new byte[2_500_000];
        new Random(411).nextBytes(noise);
        Files.write(data.resolve("noise"), noise);
        Files.writeString(data.resolve("text"), "rmt411\n".repeat(20000));
        List<byte[]> plain = multiVolume(data, "plain", "");
        List<byte[]> behind = multiVolume(data, "behind", "--write-behind");
        assertThat(plain).hasSize(3);
        assertThat(behind).hasSize(plain.size());
        for (int i = 0; i < plain.size(); i++) {
            assertThat(behind.get(i)).as("cartridge %d", i + 1).isEqualTo(plain.get(i));
        }
    }

    @Test
    void aWriteTheServerFailsLaterFailsTar() throws Exception {
        Path src = Files.createDirectories(work.resolve("src"));
        byte[] noise = new byte[400_000];
        new Random(7).nextBytes(noise);
        Files.write(src.resolve("noise"), noise);
        try (LateFailingServer server = LateFailingServer.start(5)) {
            Path bridge = bridge("late", server.port(), "--write-behind");
            Result tar = run("tar", "-cf", "localhost:/x.tar", "--rsh-command=" + bridge, "-C", src.toString(), "noise");
            assertThat(tar.code()).as(tar.output()).isNotZero();
            assertThat(tar.output()).contains("No space left on device");
            assertThat(server.writesAcknowledgedAhead()).as("writes that arrived before tar heard of the failure")
                    .isGreaterThan(5);
        }
    }

    @Test
    void stockGnuRmtGetsEachWriteInStep() throws Exception {
        Path gnuRmt = Path.of("/usr/sbin/rmt-tar");
        assumeTrue(Files.isExecutable(gnuRmt) && Files.isExecutable(Path.of("/usr/bin/socat")), "GNU rmt and socat");
        Path src = Files.createDirectories(work.resolve("src"));
        Files.write(src.resolve("noise"), new byte[300_000]);
        try (SocatRmt rmt = SocatRmt.start(work, gnuRmt)) {
            Path bridge = bridge("gnu", rmt.port(), "--write-behind");
            // /dev/full fails every write with ENOSPC: without the extension nothing is
            // acknowledged ahead, so tar hears it on the very write, as without the bridge.
            Result full = run("tar", "-cf", "localhost:/dev/full", "--rsh-command=" + bridge, "-C", src.toString(), "noise");
            assertThat(full.code()).isNotZero();
            assertThat(full.output()).contains("No space left on device");
            Path archive = work.resolve("g.tar");
            Result ok = run("tar", "-cf", "localhost:" + archive, "--rsh-command=" + bridge, "-C", src.toString(), "noise");
            assertThat(ok.code()).as(ok.output()).isZero();
            assertThat(run("tar", "-tf", archive.toString()).output()).isEqualTo("noise\n");
        }
    }

    /** tar -M of {@code data} onto 1 MiB cartridges (64 KiB early warning); the images in order. */
    private List<byte[]> multiVolume(Path data, String name, String option) throws Exception {
        Path root = Files.createDirectories(work.resolve(name));
        try (InProcessServer server = InProcessServer.serve(root,
                new TapeLibrary.Settings(1, 1024 * 1024, 64 * 1024, true))) {
            Path bridge = bridge(name, server.port(), option);
            Path script = executable(work.resolve(name + "-new-volume"),
                    "#!/bin/sh\nexec mt-gnu --rsh-command=" + bridge + " -f localhost:/dev/nst0 offline\n");
            Result tar = run("tar", "-M", "--new-volume-script=" + script, "--rsh-command=" + bridge, "-C", data.toString(),
                    "-cf", "localhost:/dev/nst0", "noise", "text");
            assertThat(tar.code()).as(tar.output()).isZero();
        }
        try (var images = Files.list(root.resolve("library"))) {
            return images.filter(p -> p.toString().endsWith(".tap")).sorted().map(WriteBehindIT::bytes).toList();
        }
    }

    private Path bridge(String name, int port, String option) throws IOException {
        String jar = System.getProperty("rmt411.clientJar");
        assumeTrue(jar != null && Files.exists(Path.of(jar)), "the packaged rmt-client.jar");
        return executable(work.resolve(name + "-bridge"),
                "#!/bin/sh\nexec '" + JAVA + "' -jar '" + jar + "' bridge " + option + " --port " + port + " \"$@\"\n");
    }

    private static Path executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    record Result(int code, String output) {
    }

    static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " hung: " + output);
        }
        return new Result(p.exitValue(), output);
    }
}
