package org.rmt411.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.client.tar.BackupOptions;
import org.rmt411.client.tar.Feedback;
import org.rmt411.client.tar.ListOptions;
import org.rmt411.client.tar.RemoteArchive;
import org.rmt411.client.tar.RestoreOptions;
import org.rmt411.client.volume.VolumeChanger;
import org.rmt411.client.volume.Volumes;
import org.rmt411.server.tape.LibraryAdmin;
import org.rmt411.server.tape.TapeLibrary;

/**
 * Multi-volume sets on small cartridges, both ways with GNU tar: GNU tar {@code -M} reads what
 * {@code backup -M} wrote, and {@code list -M} / {@code restore -M} read what GNU tar {@code -M}
 * wrote. GNU tar reaches the server through the bridge and changes volumes with a
 * {@code -F} script that runs {@code mt offline}, so the autoloader loads the next cartridge.
 */
class MultiVolumeIT {
    private static final String DRIVE = "localhost:/dev/nst0";

    @TempDir
    Path work;
    private Path tapes;
    private InProcessServer server;
    private Path bridge;
    private Path src;

    @BeforeEach
    void start() throws Exception {
        String jar = System.getProperty("rmt411.clientJar");
        assumeTrue(jar != null && Files.exists(Path.of(jar)), "the packaged rmt-client.jar");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mt-gnu")), "GNU mt");
        tapes = Files.createDirectories(work.resolve("tapes"));
        server = InProcessServer.serve(tapes, VolumeTrees.SMALL_CARTRIDGES);
        bridge = Scripts.bridge(work, Path.of(jar), server.port());
        src = VolumeTrees.build(work.resolve("parent").resolve("src"));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void gnuTarReadsTheClientsSet() throws Exception {
        archive().backup(List.of(src), BackupOptions.DEFAULTS.withVolumes(autoloader()), Feedback.SILENT);
        assertThat(cartridges()).hasSizeGreaterThanOrEqualTo(4);

        rewindToFirstVolume();
        String listing = gnuTar("-M", "-tf", DRIVE);
        assertThat(listing).contains(src.toString().substring(1) + "/" + VolumeTrees.SPANNING);

        // The big file starts on the first volume and goes on at the start of the next two.
        String spanning = src.toString().substring(1) + "/" + VolumeTrees.SPANNING;
        for (String barcode : List.of("VT0002", "VT0003")) {
            load(barcode);
            assertThat(firstLineOfOneVolume()).startsWith("M---------").contains(spanning + "--Continued at byte ");
        }

        rewindToFirstVolume();
        Path out = Files.createDirectories(work.resolve("gnu-out"));
        gnuTar("-M", "-xpf", DRIVE, "-C", out.toString());
        Trees.assertSame(src, out.resolve(src.toString().substring(1)));
    }

    @Test
    void clientReadsGnuTarsSet() throws Exception {
        gnuTar("-M", "-cf", DRIVE, "-C", src.getParent().toString(), "src");
        assertThat(cartridges()).hasSizeGreaterThanOrEqualTo(4);

        rewindToFirstVolume();
        StringWriter listing = new StringWriter();
        archive().list(new PrintWriter(listing), ListOptions.DEFAULTS.withVolumes(autoloader()));
        rewindToFirstVolume();
        assertThat(listing.toString()).isEqualTo(gnuTar("-M", "-tf", DRIVE));

        rewindToFirstVolume();
        Path out = work.resolve("client-out");
        archive().restore(out, RestoreOptions.DEFAULTS.withVolumes(autoloader()), Feedback.SILENT);
        Trees.assertSame(src, out.resolve("src"));
    }

    @Test
    void gnuTarReadsChangesOnHeadersInsidePaxRecordsAndInLongNamedFiles() throws Exception {
        // 1 MiB cartridges, small files of one to three blocks whose names are over 100 bytes:
        // changes land on headers, inside PAX records, and inside files (continued in GNU's
        // POSIX form, which GNU tar needs to match a long name).
        server.close();
        TapeLibrary.Settings tiny = new TapeLibrary.Settings(1, 1L << 20, 256L << 10, true);
        server = InProcessServer.serve(tapes, tiny);
        bridge = Scripts.bridge(Files.createDirectories(work.resolve("tiny-bridge")),
                Path.of(System.getProperty("rmt411.clientJar")), server.port());
        Path tree = VolumeTrees.smallFiles(work.resolve("many"), 3000, true);
        archive().backup(List.of(tree), BackupOptions.DEFAULTS.withVolumes(autoloader()), Feedback.SILENT);
        assertThat(new TapeLibrary(tapes, tiny).barcodes()).hasSizeGreaterThan(5);

        load("VT0001");
        Path out = Files.createDirectories(work.resolve("gnu-out"));
        gnuTar("-M", "-xf", DRIVE, "-C", out.toString());
        try (java.util.stream.Stream<Path> files = Files.walk(tree)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Path restored = out.resolve(file.toString().substring(1));
                    assertThat(Files.readAllBytes(restored)).as(file.toString()).isEqualTo(Files.readAllBytes(file));
                }
            }
        }
    }

    private RemoteArchive archive() {
        return new RemoteArchive(server.connector(), "/dev/nst0", RmtDialect.DEFAULT, 10240);
    }

    private static Volumes autoloader() {
        return Volumes.multi(VolumeChanger.unloadDrive());
    }

    private List<String> cartridges() throws IOException {
        return new TapeLibrary(tapes, VolumeTrees.SMALL_CARTRIDGES).barcodes();
    }

    /** The operator puts the set's first cartridge back in the drive, at BOT. */
    private void rewindToFirstVolume() throws Exception {
        load("VT0001");
    }

    /** Loads a cartridge into drive 0, once the session of the tool that just exited has ended. */
    private void load(String barcode) throws Exception {
        LibraryAdmin admin = new LibraryAdmin(new TapeLibrary(tapes, VolumeTrees.SMALL_CARTRIDGES));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                admin.load(0, barcode);
                return;
            } catch (org.rmt411.protocol.RmtException | LibraryAdmin.InUseException busy) {
                if (System.nanoTime() > deadline) {
                    throw busy;
                }
                Thread.sleep(50);
            }
        }
    }

    /** What GNU tar -tv without -M says first about the volume in the drive. */
    private String firstLineOfOneVolume() throws Exception {
        Process p = new ProcessBuilder("tar", "--rsh-command=" + bridge, "-tvf", DRIVE)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            return output.lines().findFirst().orElse("");
        } finally {
            p.destroyForcibly();
        }
    }

    /** GNU tar through the bridge, changing volumes with a script that runs GNU mt offline. */
    private String gnuTar(String... args) throws IOException, InterruptedException {
        String offline = "/usr/bin/mt-gnu -f " + DRIVE + " --rsh-command=" + bridge + " offline";
        List<String> command = new java.util.ArrayList<>(List.of("tar", "--rsh-command=" + bridge, "-F", offline));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(work.resolve("tar.err").toFile()).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " hung");
        }
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + Files.readString(work.resolve("tar.err")))
                .isZero();
        return output;
    }
}
