package org.rmt411.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.client.tar.BackupOptions;
import org.rmt411.client.tar.Feedback;
import org.rmt411.client.tar.RestoreOptions;
import org.rmt411.client.tar.ListOptions;
import org.rmt411.client.tar.RemoteArchive;
import org.rmt411.client.transport.ProcessTransport;
import org.rmt411.client.transport.RmtTransport;
import org.rmt411.protocol.OpenFlags;
import org.rmt411.protocol.SeekOrder;

/**
 * The client against stock rmt servers through the subprocess transport, started as tar starts
 * them: GNU rmt 1.34 (whence-first L, exits after C, line-based S) and dump's rmt (offset-first
 * L, RMT V1, bare S).
 */
class StockRmtIT {
    private static final Path GNU_RMT = Path.of("/usr/sbin/rmt-tar");
    private static final Path DUMP_RMT = Path.of("/usr/sbin/rmt-dump");

    @TempDir
    Path work;

    private RmtTransport.Factory via(Path rmt) throws Exception {
        assumeTrue(Files.isExecutable(rmt), rmt + " is installed");
        return ProcessTransport.factory(ProcessTransport.remoteShellCommand(
                Scripts.fakeRsh(work).toString(), "localhost", "someone", rmt.toString()));
    }

    private void backupListRestoreVerify(Path rmt, SeekOrder order) throws Exception {
        Path src = Trees.build(work.resolve("src"));
        Path archivePath = work.resolve("a.tar");
        RemoteArchive archive = new RemoteArchive(via(rmt), archivePath.toString(),
                RmtDialect.DEFAULT.withSeekOrder(order), 10240);
        RemoteArchive.BackupResult result = archive.backup(List.of(src), BackupOptions.DEFAULTS.withVerify(true),
                Feedback.SILENT);
        assertThat(result.verified()).isTrue();
        assertThat(Files.size(archivePath)).isEqualTo(result.archiveBytes());

        java.io.StringWriter listing = new java.io.StringWriter();
        archive.list(new java.io.PrintWriter(listing), ListOptions.DEFAULTS);
        assertThat(listing.toString()).contains("plain.txt", "link-to-plain");

        Path out = work.resolve("out");
        archive.restore(out, RestoreOptions.DEFAULTS, Feedback.SILENT);
        Trees.assertSame(src, out.resolve(src.toString().substring(1)));
    }

    @Test
    void gnuRmtBackupListRestoreVerify() throws Exception {
        backupListRestoreVerify(GNU_RMT, SeekOrder.WHENCE_FIRST);
    }

    @Test
    void dumpRmtBackupListRestoreVerify() throws Exception {
        backupListRestoreVerify(DUMP_RMT, SeekOrder.OFFSET_FIRST);
    }

    private void seekAndStatus(Path rmt, SeekOrder order) throws Exception {
        Path file = work.resolve("s.bin");
        byte[] record = new byte[512];
        try (RemoteTape tape = RemoteTape.open(via(rmt), file.toString(),
                OpenFlags.O_RDWR | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, RmtDialect.DEFAULT.withSeekOrder(order))) {
            for (int i = 0; i < 4; i++) {
                java.util.Arrays.fill(record, (byte) ('a' + i));
                tape.write(record, 0, record.length);
            }
            assertThat(tape.seek(1024, 0)).isEqualTo(1024);
            assertThat(tape.read(record, 0, record.length)).isEqualTo(512);
            assertThat(record[0]).isEqualTo((byte) 'c');
            assertThat(tape.seek(-512, 2)).isEqualTo(1536);
            // A plain file is no tape: both status paths end in ENOTTY, and the session goes on.
            assertThatThrownBy(tape::status).isInstanceOfSatisfying(RemoteTapeException.class,
                    e -> assertThat(e.errno()).isEqualTo(25));
            assertThat(tape.read(record, 0, record.length)).isEqualTo(512);
            assertThat(record[0]).isEqualTo((byte) 'd');
        }
    }

    @Test
    void gnuRmtSeeksWhenceFirstAndAnswersStatusWithEnotty() throws Exception {
        seekAndStatus(GNU_RMT, SeekOrder.WHENCE_FIRST);
    }

    @Test
    void dumpRmtSeeksOffsetFirstAndAnswersStatusWithEnotty() throws Exception {
        seekAndStatus(DUMP_RMT, SeekOrder.OFFSET_FIRST);
    }

    @Test
    void wrongSeekOrderAgainstGnuRmtIsAClearErrorNotAHang() throws Exception {
        Path file = work.resolve("w.bin");
        Files.write(file, new byte[4096]);
        RemoteTape tape = RemoteTape.open(via(GNU_RMT), file.toString(), OpenFlags.O_RDONLY, RmtDialect.DEFAULT);
        // GNU rmt reads "1024" as the whence ("Invalid seek direction"), then "0" as a garbage
        // command and exits: the close finds either that stray reply or the server gone.
        assertThatThrownBy(() -> tape.seek(1024, 0)).isInstanceOfSatisfying(RemoteTapeException.class,
                e -> assertThat(e.text()).isEqualTo("Invalid seek direction"));
        assertThatThrownBy(tape::close).isInstanceOf(org.rmt411.protocol.RmtException.class);
    }
}
