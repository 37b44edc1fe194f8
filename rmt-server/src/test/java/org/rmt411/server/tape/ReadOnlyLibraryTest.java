package org.rmt411.server.tape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rmt411.server.tape.TapeFixture.RDONLY;
import static org.rmt411.server.tape.TapeFixture.WRONLY;
import static org.rmt411.server.tape.TapeFixture.assertAt;
import static org.rmt411.server.tape.TapeFixture.assertErrno;
import static org.rmt411.server.tape.TapeFixture.read;
import static org.rmt411.server.tape.TapeFixture.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.OpenFlags;
import org.rmt411.server.device.Device;

/** A read-only library changes nothing on disk, whatever the drives do. */
class ReadOnlyLibraryTest {
    @RegisterExtension
    final TapeFixture tapes = new TapeFixture();

    @Test
    void aBrandNewRootHasNoMediumAndGetsNoLibrary() throws IOException {
        tapes.restartReadOnly();
        String before = tapes.tree();
        assertErrno(Errno.ENOMEDIUM, () -> tapes.open("/dev/nst0", RDONLY));
        try (Device d = tapes.open("/dev/nst0", OpenFlags.O_NONBLOCK)) {
            assertErrno(Errno.ENOMEDIUM, () -> d.ioctl(MtOp.MTLOAD, 1));
        }
        assertThat(tapes.tree()).isEqualTo(before);
        assertThat(tapes.library.folder()).doesNotExist();
    }

    @Test
    void writeOpensAreRefusedEvenWithoutTheNamespace() throws IOException {
        tapes.writeFiles(1);
        tapes.restartReadOnly();
        assertErrno(Errno.EROFS, () -> tapes.open("/dev/nst0", WRONLY));
        assertErrno(Errno.EROFS, () -> tapes.open("/dev/nst0", OpenFlags.O_RDWR));
    }

    @Test
    void positionMovesWithinTheServerAndIsWrittenNowhere() throws IOException {
        tapes.writeFiles(2, 3);
        tapes.restartReadOnly();
        String before = tapes.tree();
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            d.ioctl(MtOp.MTREW, 1);
            d.ioctl(MtOp.MTFSF, 1);
            assertThat(read(d, 100)).isEqualTo(record(100, 10));
            assertAt(d, 1, 1);
        }
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            assertAt(d, 1, 1); // the same server remembers, as a drive would
        }
        assertThat(tapes.tree()).isEqualTo(before);
        tapes.restartReadOnly();
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            assertAt(d, 2, 0); // a new server starts where the last writable one left the drive
        }
        assertThat(tapes.tree()).isEqualTo(before);
    }

    @Test
    void aWritableServerChangingTheDriveWinsOverTheMemory() throws IOException {
        tapes.writeFiles(2, 3);
        tapes.restartReadOnly();
        TapeLibrary readOnly = tapes.library;
        TapeProvider readOnlyDrives = tapes.provider;
        try (Device d = readOnlyDrives.open("/dev/nst0", RDONLY).orElseThrow()) {
            d.ioctl(MtOp.MTREW, 1);
            d.ioctl(MtOp.MTFSF, 1);
        }
        try (Device d = readOnlyDrives.open("/dev/nst0", RDONLY).orElseThrow()) {
            assertAt(d, 1, 0);
        }
        tapes.restart(readOnly.settings());
        tapes.open("/dev/st0", RDONLY).close(); // rewinds, and writes the state file
        try (Device d = readOnlyDrives.open("/dev/nst0", RDONLY).orElseThrow()) {
            assertAt(d, 0, 0);
        }
    }

    @Test
    void aTornImageIsServedAsFarAsItIsWholeAndNotCut() throws IOException {
        tapes.writeFiles(2);
        Files.write(tapes.image("VT0001"), new byte[] {100, 0, 0, 0, 1, 2}, StandardOpenOption.APPEND);
        tapes.restartReadOnly();
        String before = tapes.tree();
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            d.ioctl(MtOp.MTREW, 1);
            assertThat(read(d, 100)).isEqualTo(record(100, 0));
            assertThat(read(d, 100)).isEqualTo(record(100, 1));
            assertThat(read(d, 100)).as("filemark").isEmpty();
            assertThat(read(d, 100)).as("end of data where the tear starts").isEmpty();
            d.ioctl(MtOp.MTEOM, 1);
            assertAt(d, 1, -1); // st_int_ioctl MTEOM: blkno = -1
        }
        assertThat(tapes.tree()).isEqualTo(before);
        tapes.restart(tapes.library.settings());
        tapes.open("/dev/nst0", RDONLY).close();
        assertThat(tapes.scan("VT0001").tornAt()).as("repaired by the writable start").isEqualTo(-1);
    }

    @Test
    void theAutoloaderMakesNoBlankCartridgeAndCountsNoLoad() throws IOException {
        tapes.writeFiles(1);
        tapes.restartReadOnly();
        String before = tapes.tree();
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            d.ioctl(MtOp.MTOFFL, 1);
            assertErrno(Errno.ENOMEDIUM, () -> read(d, 100));
        }
        assertErrno(Errno.ENOMEDIUM, () -> tapes.open("/dev/nst0", RDONLY));
        assertThat(tapes.tree()).isEqualTo(before);
        assertThat(tapes.library.barcodes()).containsExactly("VT0001");
    }

    @Test
    void aDriveIsStillBusyForASecondSessionOfTheServer() throws IOException {
        tapes.writeFiles(1);
        tapes.restartReadOnly();
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            assertErrno(Errno.EBUSY, () -> tapes.open("/dev/st0", RDONLY));
        }
        tapes.open("/dev/nst0", RDONLY).close();
    }
}
