package org.rmt411.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.client.InProcessServer;
import org.rmt411.client.Trees;
import org.rmt411.client.VolumeTrees;
import org.rmt411.server.tape.LibraryAdmin;
import org.rmt411.server.tape.TapeLibrary;

/** {@code backup -M}, {@code list -M}, {@code restore -M} on small cartridges, and their usage errors. */
class MultiVolumeCliTest {
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

    private String[] args(String command, String path, String... rest) {
        String[] head = {command, "-f", "127.0.0.1:" + path, "--port", String.valueOf(server.port())};
        String[] all = new String[head.length + rest.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        return all;
    }

    @Test
    void backupListRestoreAcrossCartridgesWithTheAutoloader() throws Exception {
        Path src = VolumeTrees.build(work.resolve("src"));
        Cli backup = Cli.run(args("backup", "/dev/nst0", "-M", "-q", src.toString()));
        assertThat(backup.code()).as(backup.err()).isZero();
        LibraryAdmin admin = new LibraryAdmin(new TapeLibrary(tapes, VolumeTrees.SMALL_CARTRIDGES));

        admin.load(0, "VT0001");
        Cli list = Cli.run(args("list", "/dev/nst0", "--multi-volume"));
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains(src.toString().substring(1) + "/" + VolumeTrees.SPANNING + "\n");

        admin.load(0, "VT0001");
        Path out = work.resolve("out");
        Cli restore = Cli.run(args("restore", "/dev/nst0", "-M", "-C", out.toString()));
        assertThat(restore.code()).as(restore.err()).isZero();
        Trees.assertSame(src, out.resolve(src.toString().substring(1)));
    }

    @Test
    void aFileThatNeverFillsIsASetOfOneVolume() throws Exception {
        Path src = VolumeTrees.build(work.resolve("src"));
        Files.createDirectories(tapes.resolve("sets"));
        // A plain file never fills here, so -M on it is one volume and needs no changer.
        Cli backup = Cli.run(args("backup", "/sets/a.tar", "-M", "-q", src.toString()));
        assertThat(backup.code()).as(backup.err()).isZero();
        Cli list = Cli.run(args("list", "/sets/a.tar", "-M"));
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains(VolumeTrees.SPANNING);
    }

    @Test
    void compressionOrVerifyWithMultiVolumeIsAUsageError() {
        Cli gzip = Cli.run(args("backup", "/dev/nst0", "-M", "-z", work.toString()));
        assertThat(gzip.code()).isEqualTo(2);
        assertThat(gzip.err()).contains("cannot use multi-volume compressed archives");
        Cli verify = Cli.run(args("backup", "/dev/nst0", "-M", "--verify", work.toString()));
        assertThat(verify.code()).isEqualTo(2);
        assertThat(verify.err()).contains("cannot verify multi-volume archives");
    }
}
