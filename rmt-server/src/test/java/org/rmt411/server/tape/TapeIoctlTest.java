package org.rmt411.server.tape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rmt411.server.tape.TapeFixture.assertErrno;
import static org.rmt411.server.tape.TapeFixture.RDONLY;
import static org.rmt411.server.tape.TapeFixture.RDWR;
import static org.rmt411.server.tape.TapeFixture.WRONLY;
import static org.rmt411.server.tape.TapeFixture.read;
import static org.rmt411.server.tape.TapeFixture.record;
import static org.rmt411.server.tape.TapeFixture.status;
import static org.rmt411.server.tape.TapeFixture.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.MtStatus;
import org.rmt411.server.device.Device;

/** MTIOCTOP post-conditions as st documents them, the library's changer, and imported images. */
class TapeIoctlTest {
    @RegisterExtension
    final TapeFixture tapes = new TapeFixture();
    private Device d;

    @BeforeEach
    void setUp() throws IOException {
        // Three files of 3 records each: objects 0-2, mark 3, 4-6, mark 7, 8-10, mark 11.
        for (int f = 0; f < 3; f++) {
            try (Device w = tapes.open("/dev/nst0", WRONLY)) {
                for (int r = 0; r < 3; r++) {
                    write(w, record(100, f * 10 + r));
                }
            }
        }
        d = tapes.open("/dev/nst0", RDWR);
        d.ioctl(MtOp.MTREW, 1);
    }

    @AfterEach
    void tearDown() throws IOException {
        d.close();
    }

    private void assertAt(int fileno, int blkno) throws IOException {
        MtStatus s = status(d);
        assertThat(s.fileno()).as("fileno").isEqualTo(fileno);
        assertThat(s.blkno()).as("blkno").isEqualTo(blkno);
    }

    @Test
    void fsfLeavesYouAfterTheMark() throws IOException {
        assertThat(d.ioctl(MtOp.MTFSF, 2)).isEqualTo(2);
        assertAt(2, 0);
        assertThat(status(d).has(MtStatus.GMT_EOF)).isTrue();
        assertThat(read(d, 100)).isEqualTo(record(100, 20));
    }

    @Test
    void bsfLeavesYouOnTheBotSideWithBlockUnknown() throws IOException {
        d.ioctl(MtOp.MTFSF, 2);
        d.ioctl(MtOp.MTBSF, 1);
        assertAt(1, -1);
        assertThat(read(d, 100)).as("the mark closing file 1").isEmpty();
        assertAt(2, 0);
    }

    @Test
    void bsfPastBotIsEioAtBot() throws IOException {
        d.ioctl(MtOp.MTFSF, 1);
        assertErrno(Errno.EIO, () -> d.ioctl(MtOp.MTBSF, 2));
        assertAt(0, 0);
    }

    @Test
    void fsrAndBsrCountRecords() throws IOException {
        d.ioctl(MtOp.MTFSR, 2);
        assertAt(0, 2);
        d.ioctl(MtOp.MTBSR, 1);
        assertAt(0, 1);
        assertThat(read(d, 100)).isEqualTo(record(100, 1));
    }

    @Test
    void fsrStopsAfterAFilemarkWithEio() throws IOException {
        assertErrno(Errno.EIO, () -> d.ioctl(MtOp.MTFSR, 5));
        assertAt(1, 0);
    }

    @Test
    void bsrStopsBeforeAFilemarkWithEio() throws IOException {
        d.ioctl(MtOp.MTFSF, 1);
        assertErrno(Errno.EIO, () -> d.ioctl(MtOp.MTBSR, 1));
        assertAt(0, -1);
    }

    @Test
    void fsfmEndsBeforeTheMarkAndBsfmAfterIt() throws IOException {
        d.ioctl(MtOp.MTFSFM, 2);
        assertAt(1, -1);
        assertThat(read(d, 100)).as("the mark closing file 1").isEmpty();
        d.ioctl(MtOp.MTBSFM, 1);
        assertAt(2, 0);
        assertThat(read(d, 100)).isEqualTo(record(100, 20));
    }

    @Test
    void eomGoesAfterTheLastFilemarkAndShowsEod() throws IOException {
        d.ioctl(MtOp.MTEOM, 1);
        assertAt(3, -1); // st.c st_int_ioctl MTEOM: spaced into BLANK CHECK, block unknown
        assertThat(status(d).has(MtStatus.GMT_EOD)).isTrue();
        write(d, record(5, 4));
        d.ioctl(MtOp.MTWEOF, 1);
        d.ioctl(MtOp.MTBSF, 2);
        d.ioctl(MtOp.MTFSF, 1);
        assertThat(read(d, 100)).isEqualTo(record(5, 4));
    }

    @Test
    void tellAndSeekUseLogicalBlockNumbers() throws IOException {
        d.ioctl(MtOp.MTFSF, 1);
        d.ioctl(MtOp.MTFSR, 1);
        assertThat(d.ioctl(MtOp.MTTELL, 1)).isEqualTo(5);
        d.ioctl(MtOp.MTREW, 1);
        d.ioctl(MtOp.MTSEEK, 9);
        assertAt(-1, -1);
        assertThat(d.ioctl(MtOp.MTTELL, 1)).isEqualTo(9);
        assertThat(read(d, 100)).isEqualTo(record(100, 21));
    }

    @Test
    void weofWritesMarksAndMtweofiToo() throws IOException {
        d.ioctl(MtOp.MTEOM, 1);
        d.ioctl(MtOp.MTWEOF, 2);
        d.ioctl(MtOp.MTWEOFI, 1);
        assertAt(6, 0);
    }

    @Test
    void eraseCutsTheTapeAtThePositionAndRewinds() throws IOException {
        d.ioctl(MtOp.MTFSF, 1);
        d.ioctl(MtOp.MTERASE, 1);
        assertAt(0, 0);
        d.ioctl(MtOp.MTEOM, 1);
        assertAt(1, -1); // st.c st_int_ioctl MTEOM: block -1 at end of data
    }

    @Test
    void fixedBlockSizeIsEnforcedAndReported() throws IOException {
        d.ioctl(MtOp.MTEOM, 1);
        d.ioctl(MtOp.MTSETBLK, 512);
        assertThat(status(d).blockSize()).isEqualTo(512);
        assertErrno(Errno.EINVAL, () -> write(d, record(700, 1)));
        // MTEOM left the block number unknown; st.c st_int_ioctl sets block 0 for MTWEOF 0 too.
        d.ioctl(MtOp.MTWEOF, 0);
        write(d, record(1024, 1));
        assertAt(3, 2);
        d.ioctl(MtOp.MTBSR, 2);
        assertErrno(Errno.EINVAL, () -> read(d, 100));
        assertThat(read(d, 2048)).hasSize(1024);
        d.ioctl(MtOp.MTSETBLK, 0);
        assertThat(status(d).blockSize()).isZero();
    }

    @Test
    void densityIsRememberedAndCompressionAccepted() throws IOException {
        d.ioctl(MtOp.MTSETDENSITY, 0x5e);
        assertThat(d.ioctl(MtOp.MTCOMPRESSION, 1)).isEqualTo(1);
        assertThat(d.ioctl(MtOp.MTLOCK, 1)).isEqualTo(1);
        assertThat(d.ioctl(MtOp.MTUNLOCK, 1)).isEqualTo(1);
        assertThat(status(d).density()).isEqualTo(0x5e);
    }

    @Test
    void setmarksAndUnknownOpsAreRefusedAndDrvbufferNeedsPrivilege() throws IOException {
        assertErrno(Errno.ENOSYS, () -> d.ioctl(MtOp.MTWSM, 1));
        assertErrno(Errno.ENOSYS, () -> d.ioctl(MtOp.MTFSS, 1));
        assertErrno(Errno.ENOSYS, () -> d.ioctl(99, 1));
        assertErrno(Errno.EPERM, () -> d.ioctl(MtOp.MTSETDRVBUFFER, 1));
        assertThat(d.ioctl(MtOp.MTNOP, 1)).isEqualTo(1);
    }

    @Test
    void offlineLoadsTheNextCartridgeMakingABlankOne() throws IOException {
        d.ioctl(MtOp.MTOFFL, 1);
        assertAt(0, 0);
        // st.c check_tape: a new tape session is at BOT with ST_NOEOF, blank or not.
        assertThat(status(d).has(MtStatus.GMT_BOT)).as("a fresh load").isTrue();
        assertThat(status(d).has(MtStatus.GMT_EOD)).as("a fresh load").isFalse();
        d.close();
        assertThat(tapes.library.barcodes()).containsExactly("VT0001", "VT0002");
        assertThat(tapes.library.driveContents()).containsExactly("VT0002");
        d = tapes.open("/dev/nst0", RDONLY);
    }

    @Test
    void withoutAutoloaderOfflineLeavesTheDriveEmpty() throws IOException {
        d.close();
        tapes.restart(new TapeLibrary.Settings(1, 1 << 20, 1 << 10, false));
        d = tapes.open("/dev/nst0", RDONLY);
        d.ioctl(MtOp.MTOFFL, 1);
        assertThat(status(d).has(MtStatus.GMT_DR_OPEN)).isTrue();
        d.close();
        assertErrno(Errno.ENOMEDIUM, () -> tapes.open("/dev/nst0", RDONLY));
        d = tapes.open("/dev/nst0", org.rmt411.protocol.OpenFlags.O_NONBLOCK);
        d.ioctl(MtOp.MTLOAD, 1);
        assertAt(0, 0);
    }

    @Test
    void importedImagesMayHoldGapsEndOfMediumAndBadRecords() throws IOException {
        d.close();
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xFFFFFFFE).putInt(2).put(new byte[] {'o', 'k'}).putInt(2);
        b.putInt(0x80000002).put(new byte[] {'x', 'x'}).putInt(0x80000002);
        b.putInt(0).putInt(0xFFFFFFFF).putInt(4).putInt(0x12345678).putInt(4);
        Path source = tapes.root.resolve("old.tap");
        Files.write(source, java.util.Arrays.copyOf(b.array(), b.position()));
        new LibraryAdmin(tapes.library).importImage(source, "OLD1", 0, 0, false);
        new LibraryAdmin(tapes.library).load(0, "OLD1");
        d = tapes.open("/dev/nst0", RDONLY);
        assertThat(read(d, 100)).containsExactly('o', 'k');
        assertErrno(Errno.EIO, () -> read(d, 100));
        assertThat(read(d, 100)).as("mark").isEmpty();
        assertThat(read(d, 100)).as("end of medium").isEmpty();
        assertThat(status(d).has(MtStatus.GMT_EOD)).isTrue();
        assertThat(new LibraryAdmin(tapes.library).describe("OLD1").records()).isEqualTo(2);
    }
}
