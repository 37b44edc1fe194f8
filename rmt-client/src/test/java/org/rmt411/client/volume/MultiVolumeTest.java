package org.rmt411.client.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rmt411.client.InProcessServer;
import org.rmt411.client.RmtDialect;
import org.rmt411.client.Trees;
import org.rmt411.client.VolumeTrees;
import org.rmt411.client.tar.BackupOptions;
import org.rmt411.client.tar.Compression;
import org.rmt411.client.tar.Feedback;
import org.rmt411.client.tar.ListOptions;
import org.rmt411.client.tar.RemoteArchive;
import org.rmt411.client.tar.RestoreOptions;
import org.rmt411.client.RemoteTape;
import org.rmt411.client.RemoteTapeException;
import org.rmt411.client.WriteTally;
import org.rmt411.protocol.OpenFlags;
import org.rmt411.server.tape.CartridgeInfo;
import org.rmt411.server.tape.LibraryAdmin;
import org.rmt411.server.tape.TapeLibrary;

/** The client writes and reads its own multi-volume sets on small virtual cartridges. */
class MultiVolumeTest {
    @TempDir
    Path work;
    private Path tapes;
    private InProcessServer server;
    private Path src;

    @BeforeEach
    void start() throws Exception {
        tapes = Files.createDirectories(work.resolve("tapes"));
        server = InProcessServer.serve(tapes, VolumeTrees.SMALL_CARTRIDGES);
        src = VolumeTrees.build(work.resolve("parent").resolve("src"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private RemoteArchive archive(String device) {
        return new RemoteArchive(server.connector(), device, RmtDialect.DEFAULT, 10240);
    }

    @Test
    void autoloaderSetRestoresByteForByte() throws Exception {
        Volumes volumes = Volumes.multi(VolumeChanger.unloadDrive());
        RemoteArchive.BackupResult result = archive("/dev/nst0").backup(List.of(src),
                BackupOptions.DEFAULTS.withVolumes(volumes), Feedback.SILENT);
        List<String> barcodes = new TapeLibrary(tapes, VolumeTrees.SMALL_CARTRIDGES).barcodes();
        assertThat(barcodes).startsWith("VT0001", "VT0002", "VT0003", "VT0004");
        // Each volume is one tape file ended by its filemark: records that st let through after a
        // refused one were cut off, and every byte the writer counted is on a cartridge.
        long onTapes = 0;
        LibraryAdmin admin = new LibraryAdmin(new TapeLibrary(tapes, VolumeTrees.SMALL_CARTRIDGES));
        for (String barcode : barcodes) {
            CartridgeInfo info = admin.describe(barcode);
            if (info.records() > 0) {
                assertThat(info.filemarks()).as(barcode).isEqualTo(1);
                assertThat(info.files()).as(barcode).isEqualTo(1);
                onTapes += info.dataBytes();
            }
        }
        assertThat(onTapes).isEqualTo(result.archiveBytes());

        new LibraryAdmin(new TapeLibrary(tapes, VolumeTrees.SMALL_CARTRIDGES)).load(0, "VT0001");
        StringWriter listing = new StringWriter();
        long members = archive("/dev/nst0").list(new PrintWriter(listing), ListOptions.DEFAULTS.withVolumes(volumes));
        assertThat(members).isGreaterThan(30);
        assertThat(listing.toString()).contains(src.toString().substring(1) + "/" + VolumeTrees.SPANNING);

        new LibraryAdmin(new TapeLibrary(tapes, VolumeTrees.SMALL_CARTRIDGES)).load(0, "VT0001");
        Path out = work.resolve("out");
        archive("/dev/nst0").restore(out, RestoreOptions.DEFAULTS.withVolumes(volumes), Feedback.SILENT);
        Trees.assertSame(src, out.resolve(src.toString().substring(1)));
    }

    @ParameterizedTest
    @ValueSource(ints = {10240, 512})
    void changesOnHeadersAndInsidePaxRecordsRestore(int recordSize) throws Exception {
        // 1 MiB cartridges with 256 KiB early warning: about fifteen changes over ~11 MB.
        try (InProcessServer tiny = InProcessServer.serve(Files.createDirectories(work.resolve("tiny")),
                new TapeLibrary.Settings(1, 1L << 20, 256L << 10, true))) {
            Path tree = VolumeTrees.smallFiles(work.resolve("many"), 3000, true);
            // With 512-byte records (-b 1) the POSIX continuation's five blocks span several records.
            RemoteArchive archive = new RemoteArchive(tiny.connector(), "/dev/nst0", RmtDialect.DEFAULT, recordSize);
            Volumes volumes = Volumes.multi(VolumeChanger.unloadDrive());
            List<String> warnings = new java.util.ArrayList<>();
            archive.backup(List.of(tree), BackupOptions.DEFAULTS.withVolumes(volumes),
                    Feedback.SILENT.withWarnings(warnings::add));
            // An absolute path: GNU tar's one warning, nothing about volumes.
            assertThat(warnings).containsExactly("Removing leading '/' from member names");
            LibraryAdmin admin = new LibraryAdmin(new TapeLibrary(work.resolve("tiny"), VolumeTrees.SMALL_CARTRIDGES));
            java.util.Set<String> starts = new java.util.TreeSet<>();
            for (String barcode : new TapeLibrary(work.resolve("tiny"), VolumeTrees.SMALL_CARTRIDGES).barcodes()) {
                admin.load(0, barcode);
                starts.add(howVolumeStarts(tiny));
            }
            // The first volume starts with a header too; the others show each kind of change.
            // Every name is over 100 bytes, so a cut member is continued in GNU's POSIX form.
            assertThat(starts).containsExactlyInAnyOrder("header", "POSIX continuation", "inside a PAX record");

            admin.load(0, "VT0001");
            Path out = work.resolve("many-out");
            archive.restore(out, RestoreOptions.DEFAULTS.withVolumes(volumes), Feedback.SILENT);
            assertSameFiles(tree, out.resolve(tree.toString().substring(1)));
        }
    }

    private static String howVolumeStarts(InProcessServer server) throws IOException {
        byte[] first = new byte[10240];
        try (RemoteTape tape = RemoteTape.open(server.connector(), "/dev/nst0", OpenFlags.O_RDONLY, RmtDialect.DEFAULT)) {
            assertThat(tape.read(first, 0, first.length)).isGreaterThanOrEqualTo(TarHeaders.BLOCK);
        }
        return !TarHeaders.checksumOk(first) ? "inside a PAX record"
                : TarHeaders.type(first) == TarHeaders.MULTIVOL ? "continuation"
                : TarHeaders.type(first) == 'g' ? "POSIX continuation" : "header";
    }

    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(expected)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path other = actual.resolve(expected.relativize(p).toString());
                if (Files.isRegularFile(p)) {
                    assertThat(Files.readAllBytes(other)).as(other.toString()).isEqualTo(Files.readAllBytes(p));
                } else {
                    assertThat(other).isDirectory();
                }
            }
        }
    }

    @Test
    void pipelinedWritesPastEarlyWarningAreTalliedOneByOne() throws Exception {
        byte[] record = new byte[10240];
        try (RemoteTape tape = RemoteTape.open(server.connector(), "/dev/nst0",
                OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, RmtDialect.DEFAULT)) {
            RemoteTapeException refused = null;
            for (int i = 0; i < 400 && refused == null; i++) {
                try {
                    tape.write(record, 0, record.length);
                } catch (RemoteTapeException e) {
                    refused = e;
                }
            }
            if (refused == null) {
                // The write window is sized from the link: on loopback it may hold all 400 writes,
                // so the refusal comes with the replies collected here.
                try {
                    tape.flush();
                } catch (RemoteTapeException e) {
                    refused = e;
                }
            }
            assertThat(refused).isNotNull();
            try {
                tape.flush();
            } catch (RemoteTapeException alreadyReported) {
                assertThat(alreadyReported.errno()).isEqualTo(28);
            }
            WriteTally tally = tape.writeTally();
            // 2 MiB before early warning is 204 whole records of 10240 bytes (+ SIMH's 8 per record).
            assertThat(tally.firstFailure()).isEqualTo((2L << 20) / (10240 + 8) + 1);
            // After the refusal st lets every other write through: half of those in flight.
            long after = tally.answered() - tally.firstFailure() - 1;
            assertThat(tally.succeededAfterFailure()).isEqualTo((after + 1) / 2).isPositive();
        }
    }

    @Test
    void scriptGetsGnuTarsEnvironmentAndNamesTheNextDrive() throws Exception {
        Path log = work.resolve("script.log");
        // Each volume on the next drive (rewinding /dev/stN, so reading starts at BOT), named on TAR_FD.
        Path script = Files.writeString(work.resolve("next.sh"), "#!/bin/sh\n"
                + "echo \"$TAR_VOLUME $TAR_SUBCOMMAND $TAR_FORMAT $TAR_BLOCKING_FACTOR $TAR_ARCHIVE $TAR_VERSION\" >> '"
                + log + "'\necho /dev/st$((TAR_VOLUME - 1)) >&$TAR_FD\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Volumes volumes = Volumes.multi(new NewVolumeScript(script.toString(), "tapehost:/dev/st0", "9.9"));
        Path part = src.resolve("big");
        archive("/dev/st0").backup(List.of(part), BackupOptions.DEFAULTS.withVolumes(volumes), Feedback.SILENT);
        Path out = work.resolve("out");
        archive("/dev/st0").restore(out, RestoreOptions.DEFAULTS.withVolumes(volumes), Feedback.SILENT);
        assertThat(Files.readAllLines(log)).containsExactly(
                "2 -c gnu 20 tapehost:/dev/st0 9.9", "3 -c gnu 20 tapehost:/dev/st0 9.9",
                "4 -c gnu 20 tapehost:/dev/st0 9.9",
                "2 -x gnu 20 tapehost:/dev/st0 9.9", "3 -x gnu 20 tapehost:/dev/st0 9.9",
                "4 -x gnu 20 tapehost:/dev/st0 9.9");
        assertThat(Files.readAllBytes(out.resolve(part.toString().substring(1)).resolve("huge.bin")))
                .isEqualTo(Files.readAllBytes(part.resolve("huge.bin")));
    }

    @Test
    void failingScriptEndsTheBackupWithItsName() throws Exception {
        Volumes volumes = Volumes.multi(new NewVolumeScript("exit 3", "h:/dev/st0", "1"));
        assertThatThrownBy(() -> archive("/dev/st0").backup(List.of(src),
                BackupOptions.DEFAULTS.withVolumes(volumes), Feedback.SILENT))
                .isInstanceOf(IOException.class).hasMessage("'exit 3' command failed (exit status 3)");
    }

    @Test
    void withoutMultiVolumeAFullTapeIsAnError() {
        assertThatThrownBy(() -> archive("/dev/st0").backup(List.of(src), BackupOptions.DEFAULTS, Feedback.SILENT))
                .hasMessageContaining("No space left on device");
    }

    @Test
    void compressionAndVerifyAreRefusedAsGnuTarRefusesThem() {
        Volumes volumes = Volumes.multi(VolumeChanger.unloadDrive());
        assertThatThrownBy(() -> BackupOptions.DEFAULTS.withCompression(Compression.GZIP).withVolumes(volumes))
                .hasMessage("cannot use multi-volume compressed archives");
        assertThatThrownBy(() -> BackupOptions.DEFAULTS.withVerify(true).withVolumes(volumes))
                .hasMessage("cannot verify multi-volume archives");
    }
}
