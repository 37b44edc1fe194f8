package org.rmt411.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.MtStatus;
import org.rmt411.protocol.OpenFlags;

/**
 * Read-ahead on a tape (rmt411's records-ahead extension): the records come back whole and in
 * order, and after any number of reads and a close the drive stands exactly where a
 * one-at-a-time reader leaves it (file, block, and what the next read returns), in variable
 * and fixed-block mode. Both modes run against the same tape in the same test.
 */
class TapeReadAheadIT {
    private static final int FILE_RECORDS = 40;

    @TempDir
    Path root;

    @Test
    void variableRecordsLeaveTheTapeWhereAOneAtATimeReaderDoes() throws Exception {
        try (InProcessServer server = InProcessServer.serve(Files.createDirectories(root.resolve("t")))) {
            writeFiles(server, 0);
            for (int consumed : new int[] {0, 1, 5, 33, FILE_RECORDS, FILE_RECORDS + 1, FILE_RECORDS + 3}) {
                Position plain = readMiddleFile(server, consumed, false, 0);
                Position piped = readMiddleFile(server, consumed, true, 0);
                assertThat(piped).as("after %d reads", consumed).isEqualTo(plain);
            }
        }
    }

    @Test
    void readsAheadButNeverPastTheFilemark() throws Exception {
        try (InProcessServer server = InProcessServer.serve(Files.createDirectories(root.resolve("t")))) {
            writeFiles(server, 0);
            try (RemoteTape tape = RemoteTape.open(server.connector(), "/dev/nst0", OpenFlags.O_RDONLY, RmtDialect.DEFAULT)) {
                tape.ioctl(MtOp.MTREW, 1);
                tape.ioctl(MtOp.MTFSF, 1);
                tape.readAheadOnTape(0);
                byte[] b = new byte[65536];
                tape.read(b, 0, b.length);
                assertThat(tape.readsInFlight()).as("a window's worth ahead").isEqualTo(ReadAhead.DEPTH - 1);
                for (int i = 1; i < FILE_RECORDS - 3; i++) {
                    tape.read(b, 0, b.length);
                    assertThat(tape.readsInFlight()).as("never past the mark").isLessThanOrEqualTo(FILE_RECORDS - 1 - i);
                }
                assertThat(tape.readsInFlight()).isEqualTo(3);
            }
        }
    }

    @Test
    void fixedBlocksLeaveTheTapeWhereAOneAtATimeReaderDoes() throws Exception {
        try (InProcessServer server = InProcessServer.serve(Files.createDirectories(root.resolve("t")))) {
            writeFiles(server, 512);
            for (int consumed : new int[] {1, 7, FILE_RECORDS / 2, FILE_RECORDS / 2 + 1, FILE_RECORDS / 2 + 2}) {
                Position plain = readMiddleFile(server, consumed, false, 512);
                Position piped = readMiddleFile(server, consumed, true, 512);
                assertThat(piped).as("after %d reads of two blocks", consumed).isEqualTo(plain);
            }
        }
    }

    @Test
    void aPlainFileRefusesTheQuery() throws Exception {
        Files.write(root.resolve("f"), new byte[100]);
        try (InProcessServer server = InProcessServer.serve(root);
                RemoteTape tape = RemoteTape.open(server.connector(), "/f", OpenFlags.O_RDONLY, RmtDialect.DEFAULT)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(tape::recordsAhead)
                    .isInstanceOf(RemoteTapeException.class)
                    .satisfies(e -> assertThat(((RemoteTapeException) e).errno()).isEqualTo(25));
        }
    }

    /** Three tape files; the middle one of variable sizes (or 1024-byte writes of two blocks). */
    private static void writeFiles(InProcessServer server, int blockSize) throws Exception {
        try (RemoteTape tape = RemoteTape.open(server.connector(), "/dev/nst0",
                OpenFlags.O_WRONLY | OpenFlags.O_CREAT, RmtDialect.DEFAULT)) {
            tape.ioctl(MtOp.MTSETBLK, blockSize);
            for (int file = 0; file < 3; file++) {
                for (int r = 0; r < FILE_RECORDS / (blockSize > 0 ? 2 : 1); r++) {
                    byte[] rec = new byte[blockSize > 0 ? 2 * blockSize : 100 + 37 * r + file];
                    rec[0] = (byte) file;
                    rec[1] = (byte) r;
                    tape.write(rec, 0, rec.length);
                }
                tape.ioctl(MtOp.MTWEOF, 1);
            }
        }
    }

    /** Rewinds, skips a file, reads {@code reads} records, closes; then reports the position. */
    private static Position readMiddleFile(InProcessServer server, int reads, boolean pipelined, int blockSize)
            throws Exception {
        List<String> got = new ArrayList<>();
        try (RemoteTape tape = RemoteTape.open(server.connector(), "/dev/nst0", OpenFlags.O_RDONLY, RmtDialect.DEFAULT)) {
            tape.ioctl(MtOp.MTREW, 1);
            tape.ioctl(MtOp.MTFSF, 1);
            if (pipelined) {
                tape.readAheadOnTape(blockSize);
            }
            byte[] b = new byte[blockSize > 0 ? 2 * blockSize : 65536];
            for (int i = 0; i < reads; i++) {
                int n = tape.read(b, 0, b.length);
                got.add(n == 0 ? "mark" : n + ":" + b[0] + "/" + b[1]);
            }
        }
        try (RemoteTape tape = RemoteTape.open(server.connector(), "/dev/nst0", OpenFlags.O_RDONLY, RmtDialect.DEFAULT)) {
            MtStatus s = tape.status();
            byte[] b = new byte[blockSize > 0 ? 2 * blockSize : 65536];
            int next = tape.read(b, 0, b.length);
            return new Position(got, s.fileno(), s.blkno(), next == 0 ? "mark" : next + ":" + b[0] + "/" + b[1]);
        }
    }

    private record Position(List<String> read, int fileno, int blkno, String nextRead) {
    }
}
