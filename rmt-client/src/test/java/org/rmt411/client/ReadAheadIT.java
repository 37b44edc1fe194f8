package org.rmt411.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.protocol.OpenFlags;

/**
 * Read-ahead on a plain remote file: the bytes come back whole and in order, and any other
 * request finds the file offset where a one-at-a-time reader would have left it.
 */
class ReadAheadIT {
    @TempDir
    Path root;

    /**
     * On a tape reads go ahead only up to the filemark (TapeReadAheadIT compares positions
     * exactly): listing the middle archive of three leaves the drive in that file, past the
     * records the list read, exactly as a one-at-a-time reader does (an unbounded read-ahead
     * would have crossed the filemark into the third archive).
     */
    @Test
    void listingOnATapeWithSeveralFilesCostsNoPosition() throws Exception {
        Path src = Files.createDirectories(root.resolve("src"));
        Files.write(src.resolve("a"), new byte[50_000]);
        Path tapes = Files.createDirectories(root.resolve("tapes"));
        try (InProcessServer server = InProcessServer.serve(tapes)) {
            org.rmt411.client.tar.RemoteArchive nst0 =
                    new org.rmt411.client.tar.RemoteArchive(server.connector(), "/dev/nst0", RmtDialect.DEFAULT, 10240);
            for (int i = 0; i < 3; i++) {
                nst0.backup(java.util.List.of(src), org.rmt411.client.tar.BackupOptions.DEFAULTS,
                        org.rmt411.client.tar.Feedback.SILENT);
            }
            try (RemoteTape tape = RemoteTape.open(server.connector(), "/dev/nst0", OpenFlags.O_RDONLY, RmtDialect.DEFAULT)) {
                tape.ioctl(org.rmt411.protocol.MtOp.MTREW, 1);
                tape.ioctl(org.rmt411.protocol.MtOp.MTFSF, 1);
            }
            java.io.StringWriter listing = new java.io.StringWriter();
            nst0.list(new java.io.PrintWriter(listing), org.rmt411.client.tar.ListOptions.DEFAULTS);
            assertThat(listing.toString()).contains("src/a");
            try (RemoteTape tape = RemoteTape.open(server.connector(), "/dev/nst0", OpenFlags.O_RDONLY, RmtDialect.DEFAULT)) {
                org.rmt411.protocol.MtStatus status = tape.status();
                assertThat(status.fileno()).as("still in the second archive's file").isEqualTo(1);
                assertThat(status.blkno()).as("after the records the list read, before the filemark")
                        .isBetween(1, 7);
            }
        }
    }

    @Test
    void readsInOrderAndLeavesTheOffsetWhereTheReaderIs() throws Exception {
        byte[] data = new byte[1_000_000];
        new Random(11).nextBytes(data);
        Files.write(root.resolve("f"), data);
        try (InProcessServer server = InProcessServer.serve(root);
                RemoteTape tape = RemoteTape.open(server.connector(), "/f", OpenFlags.O_RDONLY, RmtDialect.DEFAULT)) {
            tape.readAheadOnPlainFile();
            byte[] record = new byte[10240];
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            for (int i = 0; i < 3; i++) {
                got.write(record, 0, tape.read(record, 0, record.length));
            }
            // 32 reads went out; the reader consumed 3: the offset is after those 3.
            assertThat(tape.seek(0, 1)).isEqualTo(3 * 10240);
            int n;
            while ((n = tape.read(record, 0, record.length)) > 0) {
                got.write(record, 0, n);
            }
            assertThat(got.toByteArray()).isEqualTo(data);
            assertThat(tape.read(record, 0, record.length)).as("end of file, again").isZero();
            assertThat(tape.seek(0, 1)).isEqualTo(data.length);
        }
    }
}
