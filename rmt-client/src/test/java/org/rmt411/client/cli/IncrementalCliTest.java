package org.rmt411.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.client.InProcessServer;

/** backup/list/restore -g on the command line: levels, the dumpdir listing, a bad snapshot file. */
class IncrementalCliTest {
    @TempDir
    Path work;
    private Path root;
    private InProcessServer server;
    private Path src;
    private Path snapshot;

    @BeforeEach
    void start() throws Exception {
        root = Files.createDirectories(work.resolve("tapes"));
        server = InProcessServer.serve(root);
        src = Files.createDirectories(work.resolve("src"));
        Files.writeString(src.resolve("old.txt"), "old\n");
        snapshot = work.resolve("src.snar");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private Cli client(String command, String device, String... rest) {
        String[] head = {command, "-f", "127.0.0.1:" + device, "--port", String.valueOf(server.port())};
        String[] all = new String[head.length + rest.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        return Cli.run(all);
    }

    @Test
    void levelsListAndRestore() throws Exception {
        assertThat(client("backup", "/l0.tar", "-q", "-g", snapshot.toString(), src.toString()).code()).isZero();
        assertThat(Files.readString(snapshot)).startsWith("GNU tar-1.34-2\n");
        Thread.sleep(50);
        Files.writeString(src.resolve("new.txt"), "new\n");
        Files.delete(src.resolve("old.txt"));
        Cli levelOne = client("backup", "/l1.tar", "--progress", "--listed-incremental", snapshot.toString(),
                src.toString());
        assertThat(levelOne.code()).isZero();
        assertThat(levelOne.err()).contains("100% 4 B of 4 B"); // the total is what the level dumps

        Cli list = client("list", "/l1.tar", "-v", "-g", "/dev/null");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("\nY new.txt\n\n").doesNotContain("old.txt");
        assertThat(client("list", "/l1.tar").out()).doesNotContain("Y new.txt");

        Path out = work.resolve("out");
        assertThat(client("restore", "/l0.tar", "-g", "/dev/null", "-C", out.toString()).code()).isZero();
        assertThat(client("restore", "/l1.tar", "-g", "/dev/null", "-C", out.toString()).code()).isZero();
        Path restored = out.resolve(src.toString().substring(1));
        assertThat(restored.resolve("new.txt")).exists();
        assertThat(restored.resolve("old.txt")).doesNotExist();

        assertThat(client("backup", "/full.tar", "-q", "-g", snapshot.toString(), "--level=0", src.toString())
                .code()).isZero();
        assertThat(client("list", "/full.tar").out()).contains("new.txt");
    }

    @Test
    void aMalformedSnapshotStopsTheBackupWithOneLineNamingIt() throws Exception {
        Files.writeString(snapshot, "GNU tar-1.34-2\n12x");
        Cli cli = client("backup", "/l0.tar", "-q", "-g", snapshot.toString(), src.toString());
        assertThat(cli.code()).isEqualTo(ExitCode.LOCAL_ERROR.code());
        assertThat(cli.err()).isEqualTo("rmt-client: " + snapshot
                + ": byte 17: timestamp seconds '12' followed by invalid byte 0x78" + System.lineSeparator());
        assertThat(root.resolve("l0.tar")).doesNotExist();
    }

    @Test
    void aSnapshotFileThatCannotBeCreatedStopsTheBackupBeforeTheDevice() throws Exception {
        Path nowhere = work.resolve("no-such-folder").resolve("src.snar");
        Cli cli = client("backup", "/l0.tar", "-q", "-g", nowhere.toString(), src.toString());
        assertThat(cli.code()).isEqualTo(ExitCode.LOCAL_ERROR.code());
        assertThat(cli.err()).isEqualTo("rmt-client: " + nowhere + ": cannot create snapshot file: no such folder"
                + System.lineSeparator());
        assertThat(root.resolve("l0.tar")).doesNotExist();
    }

    @Test
    void levelWithoutSnapshotIsMeaningless() throws Exception {
        Cli cli = client("backup", "/l0.tar", "-q", "--level=0", src.toString());
        assertThat(cli.code()).isZero();
        assertThat(cli.err()).contains("--level is meaningless without --listed-incremental");
    }
}
