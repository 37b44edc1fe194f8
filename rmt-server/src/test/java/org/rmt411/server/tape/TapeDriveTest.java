package org.rmt411.server.tape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rmt411.server.tape.TapeFixture.RDONLY;
import static org.rmt411.server.tape.TapeFixture.assertAt;
import static org.rmt411.server.tape.TapeFixture.assertErrno;
import static org.rmt411.server.tape.TapeFixture.RDWR;
import static org.rmt411.server.tape.TapeFixture.WRONLY;
import static org.rmt411.server.tape.TapeFixture.read;
import static org.rmt411.server.tape.TapeFixture.record;
import static org.rmt411.server.tape.TapeFixture.status;
import static org.rmt411.server.tape.TapeFixture.write;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.MtStatus;
import org.rmt411.server.device.Device;

/** The drive's st(4) rules over jimfs, one rule per test. */
class TapeDriveTest {
    @RegisterExtension
    final TapeFixture tapes = new TapeFixture();

    /** Opens {@code /dev/st0} and rewinds: st rewinds on close, not on open. */
    private Device openAtBot(int flags) throws IOException {
        Device d = tapes.open("/dev/st0", flags);
        d.ioctl(MtOp.MTREW, 1);
        return d;
    }

    @Test
    void oneWriteIsOneRecordAndReadReturnsItWhole() throws IOException {
        tapes.writeFiles(2);
        try (Device d = openAtBot(RDONLY)) {
            assertThat(read(d, 10240)).isEqualTo(record(100, 0));
            assertThat(read(d, 100)).isEqualTo(record(100, 1));
        }
    }

    @Test
    void readShorterThanTheRecordFailsWithEnomemAndSkipsIt() throws IOException {
        tapes.writeFiles(2);
        try (Device d = openAtBot(RDONLY)) {
            assertErrno(Errno.ENOMEM, () -> read(d, 99));
            assertAt(d, 0, 1);
            assertThat(read(d, 100)).isEqualTo(record(100, 1));
        }
    }

    @Test
    void filemarkReadsAsZeroAndLeavesThePositionAfterIt() throws IOException {
        tapes.writeFiles(1, 1);
        try (Device d = openAtBot(RDONLY)) {
            read(d, 100);
            assertThat(read(d, 100)).isEmpty();
            assertAt(d, 1, 0);
            assertThat(status(d).has(MtStatus.GMT_EOF)).isTrue();
            assertThat(read(d, 100)).isEqualTo(record(100, 10));
        }
    }

    @Test
    void endOfDataNotAfterAFilemarkIsEio() throws IOException {
        // st.c read_tape: BLANK CHECK is EIO unless the eof state is ST_FM; st loses the block
        // number and, not having entered ST_EOD, reports no GMT_EOD.
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            assertErrno(Errno.EIO, () -> read(d, 100));
            assertErrno(Errno.EIO, () -> read(d, 100));
            assertAt(d, 0, -1);
            assertThat(status(d).has(MtStatus.GMT_EOD)).isFalse();
        }
    }

    @Test
    void afterTheLastFilemarkTheMarkCountsAsTheFirstZeroRead() throws IOException {
        tapes.writeFiles(1);
        try (Device d = openAtBot(RDONLY)) {
            read(d, 100);
            assertThat(read(d, 100)).as("the filemark").isEmpty();
            assertThat(read(d, 100)).as("blank tape").isEmpty();
            assertErrno(Errno.EIO, () -> read(d, 100));
        }
    }

    @Test
    void writingMidTapeMakesThatTheNewEndOfData() throws IOException {
        tapes.writeFiles(2, 2, 2);
        try (Device d = tapes.open("/dev/nst0", RDWR)) {
            d.ioctl(MtOp.MTREW, 1);
            d.ioctl(MtOp.MTFSF, 1);
            write(d, record(50, 99));
        }
        ImageScanner.Scan scan = tapes.scan("VT0001");
        assertThat(scan.index().markCount()).isEqualTo(2);
        assertThat(scan.records()).isEqualTo(3);
        assertThat(scan.fileSize()).isEqualTo(scan.index().endOfData());
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            d.ioctl(MtOp.MTREW, 1);
            assertErrno(Errno.EIO, () -> d.ioctl(MtOp.MTFSF, 3));
            assertAt(d, 2, -1); // st.c st_int_ioctl MTFSF into BLANK CHECK: fileno - residual, block -1
        }
    }

    @Test
    void closeAfterAWriteWritesOneFilemarkAndCloseAfterReadingNone() throws IOException {
        tapes.writeFiles(1);
        assertThat(tapes.scan("VT0001").index().markCount()).isEqualTo(1);
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            d.ioctl(MtOp.MTREW, 1);
            read(d, 100);
        }
        assertThat(tapes.scan("VT0001").index().markCount()).isEqualTo(1);
    }

    @Test
    void rewindingDeviceRewindsOnCloseAndNonRewindingKeepsThePosition() throws IOException {
        tapes.writeFiles(1, 1);
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            assertAt(d, 2, 0);
        }
        try (Device d = tapes.open("/dev/st0", RDONLY)) {
            assertAt(d, 2, 0);
        }
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            assertAt(d, 0, 0);
            assertThat(status(d).has(MtStatus.GMT_BOT)).isTrue();
        }
    }

    @Test
    void rewindRightAfterAWriteWritesAFilemarkFirst() throws IOException {
        try (Device d = tapes.open("/dev/nst0", WRONLY)) {
            write(d, record(10, 1));
            d.ioctl(MtOp.MTREW, 1);
        }
        assertThat(tapes.scan("VT0001").index().markCount()).isEqualTo(1);
    }

    @Test
    void bsfRightAfterAWriteWritesAFilemarkAndStepsBackOverIt() throws IOException {
        tapes.writeFiles(1);
        try (Device d = tapes.open("/dev/nst0", WRONLY)) {
            write(d, record(10, 1));
            d.ioctl(MtOp.MTBSF, 1);
            assertAt(d, 0, -1);
        }
        assertThat(tapes.scan("VT0001").index().markCount()).isEqualTo(2);
    }

    @Test
    void secondOpenOfABusyDriveIsEbusy() throws IOException {
        try (Device first = tapes.open("/dev/nst0", RDONLY)) {
            assertErrno(Errno.EBUSY, () -> tapes.open("/dev/st0", RDONLY));
        }
        tapes.open("/dev/nst0", RDONLY).close();
    }

    @Test
    void writeProtectedCartridgeRefusesWriteOpensWithErofs() throws IOException {
        tapes.open("/dev/nst0", RDONLY).close();
        tapes.library.protect("VT0001", true);
        assertErrno(Errno.EROFS, () -> tapes.open("/dev/nst0", WRONLY));
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            assertThat(status(d).has(MtStatus.GMT_WR_PROT)).isTrue();
        }
    }

    @Test
    void writingOnAReadOnlyOpenIsEacces() throws IOException {
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            assertErrno(Errno.EACCES, () -> write(d, record(10, 1)));
            assertErrno(Errno.EACCES, () -> d.ioctl(MtOp.MTWEOF, 1));
            assertErrno(Errno.EACCES, () -> d.ioctl(MtOp.MTERASE, 1));
        }
    }

    @Test
    void earlyWarningWriteCompletesThenEnospcAndSuccessAlternateUntilThePhysicalEnd() throws IOException {
        // 1008-byte records take 1016 image bytes; EW starts at 4000, the end is at 6000.
        try (TapeFixture small = new TapeFixture(new TapeLibrary.Settings(1, 6000, 2000, true))) {
            try (Device d = small.open("/dev/nst0", WRONLY)) {
                byte[] r = record(1008, 1);
                for (int i = 0; i < 4; i++) {
                    write(d, r); // the 4th ends at 4064: it reaches early warning and completes
                }
                assertThat(status(d).has(MtStatus.GMT_EOT)).isTrue();
                assertErrno(Errno.ENOSPC, () -> write(d, r));
                write(d, r); // 5080
                assertErrno(Errno.ENOSPC, () -> write(d, r));
                assertErrno(Errno.ENOSPC, () -> write(d, r)); // 6096 would pass the end: nothing written
                assertErrno(Errno.ENOSPC, () -> write(d, r));
                assertAt(d, 0, 5);
            }
            assertThat(small.scan("VT0001").records()).isEqualTo(5);
        }
    }

    @Test
    void aStateFileFromBeforeStsCountersGetsThemFromTheImage() throws IOException {
        tapes.writeFiles(3, 3);
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            d.ioctl(MtOp.MTREW, 1);
            d.ioctl(MtOp.MTFSF, 1);
            d.ioctl(MtOp.MTFSR, 2);
        }
        java.nio.file.Path file = tapes.library.driveState(0);
        String current = Files.readString(file);
        assertThat(current).contains("fileno=1", "blkno=2", "eof=NOEOF");
        // What the previous version wrote: no fileno, blkno or eof; block unknown after MTBSF.
        Files.writeString(file, current.lines().filter(l -> !l.matches("(fileno|blkno|eof)=.*"))
                .map(l -> l.startsWith("blockKnown=") ? "blockKnown=false" : l)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n")));
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            assertAt(d, 1, -1);
            assertThat(status(d).has(MtStatus.GMT_EOD)).isFalse();
        }
        Files.writeString(file, Files.readString(file).replace("fileKnown=true", "fileKnown=false")
                .replaceAll("fileno=.*", "").replaceAll("blkno=.*", ""));
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            assertAt(d, -1, -1);
        }
    }

    @Test
    void anUnknownEofStateInTheStateFileIsRefusedByName() throws IOException {
        tapes.writeFiles(1);
        java.nio.file.Path file = tapes.library.driveState(0);
        Files.writeString(file, Files.readString(file).replace("eof=FM", "eof=SIDEWAYS"));
        assertThatThrownBy(() -> tapes.open("/dev/nst0", RDONLY)).isInstanceOf(IOException.class)
                .hasMessageContaining("unreadable drive state").hasMessageContaining("SIDEWAYS");
    }

    @Test
    void lseekAnswersZeroAndDoesNotMove() throws IOException {
        tapes.writeFiles(2);
        try (Device d = openAtBot(RDONLY)) {
            read(d, 100);
            assertThat(d.seek(12345, 0)).isZero();
            assertAt(d, 0, 1);
        }
    }

    @Test
    void recordsLongerThanTheSimhLimitAreEinval() throws IOException {
        try (Device d = tapes.open("/dev/nst0", WRONLY)) {
            byte[] big = new byte[SimhFormat.MAX_RECORD + 1];
            assertErrno(Errno.EINVAL, () -> write(d, big));
        }
    }
}
