package org.rmt411.client.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.client.InProcessServer;
import org.rmt411.client.RmtDialect;
import org.rmt411.client.Trees;
import org.rmt411.client.VolumeTrees;
import org.rmt411.client.tar.BackupOptions;
import org.rmt411.client.tar.Feedback;
import org.rmt411.client.tar.RemoteArchive;
import org.rmt411.client.tar.RestoreOptions;
import org.rmt411.client.tar.incremental.ListedIncremental;
import org.rmt411.server.tape.LibraryAdmin;
import org.rmt411.server.tape.TapeLibrary;

/** A level 0 spanning small cartridges (-M -g), then a level 1, restored as a chain. */
class IncrementalVolumesTest {
    @TempDir
    Path work;
    private Path tapes;
    private InProcessServer server;

    @BeforeEach
    void start() throws Exception {
        tapes = Files.createDirectories(work.resolve("tapes"));
        server = InProcessServer.serve(tapes, VolumeTrees.SMALL_CARTRIDGES);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private RemoteArchive archive(String device) {
        return new RemoteArchive(server.connector(), device, RmtDialect.DEFAULT, 10240);
    }

    @Test
    void aLevelZeroAcrossVolumesThenALevelOne() throws Exception {
        Path src = VolumeTrees.build(work.resolve("parent").resolve("src"));
        Path snapshot = work.resolve("src.snar");
        Volumes volumes = Volumes.multi(VolumeChanger.unloadDrive());
        ListedIncremental level = new ListedIncremental(snapshot, false);
        archive("/dev/nst0").backup(List.of(src), BackupOptions.DEFAULTS.withVolumes(volumes).withIncremental(level),
                Feedback.SILENT);
        assertThat(new TapeLibrary(tapes, VolumeTrees.SMALL_CARTRIDGES).barcodes()).contains("VT0002");
        Thread.sleep(50); // past the coarse file-time clock
        Files.writeString(src.resolve("plain.txt"), "changed after level 0\n");
        Files.delete(src.resolve("binary.bin"));
        archive("/l1.tar").backup(List.of(src), BackupOptions.DEFAULTS.withIncremental(level), Feedback.SILENT);

        new LibraryAdmin(new TapeLibrary(tapes, VolumeTrees.SMALL_CARTRIDGES)).load(0, "VT0001");
        Path out = work.resolve("out");
        archive("/dev/nst0").restore(out, RestoreOptions.DEFAULTS.withVolumes(volumes).withIncremental(true),
                Feedback.SILENT);
        archive("/l1.tar").restore(out, RestoreOptions.DEFAULTS.withIncremental(true), Feedback.SILENT);
        Path restored = out.resolve(src.toString().substring(1));
        assertThat(restored.resolve("binary.bin")).doesNotExist();
        Trees.assertSame(src, restored);
    }
}
