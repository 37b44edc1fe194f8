package org.rmt411.server.tape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rmt411.server.tape.TapeFixture.RDONLY;
import static org.rmt411.server.tape.TapeFixture.RDWR;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtOp;
import org.rmt411.server.device.Device;

/**
 * The records-ahead extension on a tape: exactly the reads that can be made before a filemark
 * or end of data, so a pipelining client never reads into the next file.
 */
class RecordsAheadTest {
    @RegisterExtension
    final TapeFixture tapes = new TapeFixture(TapeLibrary.Settings.DEFAULT);

    @Test
    void countsTheRecordsBeforeTheNextMarkFromAnyPosition() throws IOException {
        try (Device d = tapes.open("/dev/nst0", RDWR)) {
            writeFile(d, 5, true);
            writeFile(d, 3, true);
            writeFile(d, 4, false); // the last file ends at end of data, no mark
            d.ioctl(MtOp.MTREW, 1);
            assertThat(d.recordsAhead()).isEqualTo(5);
            TapeFixture.read(d, 65536);
            TapeFixture.read(d, 65536);
            assertThat(d.recordsAhead()).isEqualTo(3);
            d.ioctl(MtOp.MTFSF, 1);
            assertThat(d.recordsAhead()).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                TapeFixture.read(d, 65536);
            }
            assertThat(d.recordsAhead()).as("at the mark").isZero();
            assertThat(TapeFixture.read(d, 65536)).as("the mark reads as nothing").isEmpty();
            assertThat(d.recordsAhead()).as("the last file, up to end of data").isEqualTo(4);
            TapeFixture.read(d, 65536);
            assertThat(d.recordsAhead()).isEqualTo(3);
            d.ioctl(MtOp.MTBSR, 1);
            assertThat(d.recordsAhead()).as("spaced back inside the file").isEqualTo(4);
            d.ioctl(MtOp.MTEOM, 1);
            assertThat(d.recordsAhead()).as("at end of data").isZero();
        }
    }

    @Test
    void fixedBlockModeCountsBlocks() throws IOException {
        try (Device d = tapes.open("/dev/nst0", RDWR)) {
            d.ioctl(MtOp.MTSETBLK, 512);
            TapeFixture.write(d, TapeFixture.record(4 * 512, 1));
            d.ioctl(MtOp.MTWEOF, 1);
            d.ioctl(MtOp.MTREW, 1);
            assertThat(d.recordsAhead()).isEqualTo(4);
            TapeFixture.read(d, 1024);
            assertThat(d.recordsAhead()).isEqualTo(2);
        }
    }

    @Test
    void aReadOnlyOpenMayAskAndTheAnswerMovesNothing() throws IOException {
        try (Device d = tapes.open("/dev/nst0", RDWR)) {
            writeFile(d, 2, true);
        }
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            d.ioctl(MtOp.MTREW, 1);
            assertThat(d.recordsAhead()).isEqualTo(2);
            TapeFixture.assertAt(d, 0, 0);
        }
    }

    @Test
    void anEmptyDriveAnswersAnError() throws IOException {
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            d.ioctl(MtOp.MTOFFL, 1);
            TapeFixture.assertErrno(Errno.ENOMEDIUM, d::recordsAhead);
        }
    }

    private static void writeFile(Device d, int records, boolean mark) throws IOException {
        for (int i = 0; i < records; i++) {
            TapeFixture.write(d, TapeFixture.record(100 + i, i));
        }
        if (mark) {
            d.ioctl(MtOp.MTWEOF, 1);
        }
    }
}
