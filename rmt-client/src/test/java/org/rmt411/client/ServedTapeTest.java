package org.rmt411.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.client.tar.BackupOptions;
import org.rmt411.client.tar.Feedback;
import org.rmt411.client.tar.ListOptions;
import org.rmt411.client.tar.RemoteArchive;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.MtStatus;
import org.rmt411.protocol.OpenFlags;

/**
 * Backup, verify, list and mt against rmt411's own virtual drive {@code /dev/nst0}, in-process.
 * Skipped (with the reason) while the server does not serve a tape there: the virtual drives are
 * developed separately, and this test runs once they are merged.
 */
class ServedTapeTest {
    private static final String DRIVE = "/dev/nst0";

    @TempDir
    Path work;
    private InProcessServer server;

    @BeforeEach
    void start() throws Exception {
        server = InProcessServer.serve(Files.createDirectories(work.resolve("tapes")));
        try (RemoteTape tape = RemoteTape.open(server.connector(), DRIVE, OpenFlags.O_RDONLY, RmtDialect.DEFAULT)) {
            tape.status();
        } catch (RemoteTapeException e) {
            abort("rmt411 does not serve a tape at " + DRIVE + " yet (" + e.getMessage() + ")");
        }
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private MtStatus status() throws Exception {
        try (RemoteTape tape = RemoteTape.open(server.connector(), DRIVE, OpenFlags.O_RDONLY, RmtDialect.DEFAULT)) {
            return tape.status();
        }
    }

    private void mt(int op, int count) throws Exception {
        try (RemoteTape tape = RemoteTape.open(server.connector(), DRIVE, OpenFlags.O_RDONLY, RmtDialect.DEFAULT)) {
            tape.ioctl(op, count);
        }
    }

    @Test
    void twoVerifiedArchivesInTwoTapeFiles() throws Exception {
        mt(MtOp.MTREW, 1);
        Path one = Trees.build(work.resolve("one"));
        Path two = Files.createDirectories(work.resolve("two"));
        Files.writeString(two.resolve("second.txt"), "second");
        RemoteArchive archive = new RemoteArchive(server.connector(), DRIVE, RmtDialect.DEFAULT, 10240);
        BackupOptions verified = BackupOptions.DEFAULTS.withVerify(true);
        assertThat(archive.backup(List.of(one), verified, Feedback.SILENT).verified()).isTrue();
        assertThat(archive.backup(List.of(two), verified, Feedback.SILENT).verified()).isTrue();
        assertThat(status().fileno()).isEqualTo(2);

        mt(MtOp.MTREW, 1);
        MtStatus bot = status();
        assertThat(bot.has(MtStatus.GMT_BOT)).isTrue();
        assertThat(bot.fileno()).isZero();
        mt(MtOp.MTFSF, 1);
        StringWriter listing = new StringWriter();
        archive.list(new PrintWriter(listing), ListOptions.DEFAULTS);
        assertThat(listing.toString()).contains("second.txt").doesNotContain("plain.txt");
    }
}
