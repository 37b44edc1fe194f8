package org.rmt411.server.tape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rmt411.server.tape.TapeFixture.RDONLY;
import static org.rmt411.server.tape.TapeFixture.WRONLY;
import static org.rmt411.server.tape.TapeFixture.assertErrno;
import static org.rmt411.server.tape.TapeFixture.record;
import static org.rmt411.server.tape.TapeFixture.write;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtOp;
import org.rmt411.server.device.Device;

/**
 * Operator commands against a session of the same process that has the drive open: refused
 * with who holds it, or applied so that it holds, never undone when the session closes.
 */
class OperatorVsSessionTest {
    private static final String IN_USE = "cartridge VT0001 is in use by drive 0 (10.0.0.7:4242 since ";

    @RegisterExtension
    final TapeFixture tapes = new TapeFixture();

    private LibraryAdmin admin() {
        return new LibraryAdmin(tapes.library);
    }

    /** A second library over the same files: another operator tool in the same JVM. */
    private LibraryAdmin otherAdmin() {
        return new LibraryAdmin(new TapeLibrary(tapes.root, tapes.library.settings()));
    }

    @Test
    void protectDuringAWriteIsRefusedNamingTheSessionAndWorksAfterIt() throws IOException {
        try (Device d = tapes.open("/dev/nst0", WRONLY, "10.0.0.7:4242")) {
            write(d, record(100, 1));
            assertThatThrownBy(() -> admin().protect("VT0001", true)).hasMessageStartingWith(IN_USE)
                    .hasMessageContaining(", pid " + ProcessHandle.current().pid() + ")");
            assertThatThrownBy(() -> otherAdmin().protect("VT0001", true)).hasMessageStartingWith(IN_USE);
            write(d, record(100, 2));
        }
        assertThat(admin().describe("VT0001").writeProtected()).isFalse();
        admin().protect("VT0001", true);
        tapes.restart(tapes.library.settings());
        assertErrno(Errno.EROFS, () -> tapes.open("/dev/nst0", WRONLY));
        assertThat(admin().describe("VT0001").writeProtected()).as("still, after the session").isTrue();
    }

    @Test
    void exportUnloadAndLoadAreRefusedWhileTheDriveIsOpen() throws IOException {
        tapes.open("/dev/nst0", RDONLY).close(); // makes VT0001
        admin().importImage(emptyImage(), "XSPARE", 0, 0, false);
        try (Device d = tapes.open("/dev/nst0", RDONLY, "10.0.0.7:4242")) {
            assertThatThrownBy(() -> admin().exportImage("VT0001", tapes.root.resolve("out.tap")))
                    .hasMessageStartingWith(IN_USE);
            assertThatThrownBy(() -> admin().unload(0))
                    .hasMessageStartingWith("drive 0 is in use (10.0.0.7:4242 since ");
            assertThatThrownBy(() -> admin().load(0, "XSPARE")).hasMessageStartingWith("drive 0 is in use (");
            assertThatThrownBy(() -> admin().load(1, "VT0001")).hasMessageStartingWith(IN_USE);
        }
        admin().unload(0);
        assertThat(admin().driveContents()).containsExactly((String) null);
    }

    @Test
    void theHolderIsClearedWhenTheSessionCloses() throws IOException {
        try (Device d = tapes.open("/dev/nst0", RDONLY, "10.0.0.7:4242")) {
            assertThat(Files.readString(tapes.library.driveState(0))).contains("heldBy=10.0.0.7\\:4242");
        }
        assertThat(Files.readString(tapes.library.driveState(0))).doesNotContain("heldBy");
    }

    @Test
    void aCartridgeTheAutoloaderMountsMidSessionIsKnownToBeInUse() throws IOException {
        tapes.writeFiles(1);
        try (Device d = tapes.open("/dev/nst0", RDONLY, "10.0.0.7:4242")) {
            d.ioctl(MtOp.MTOFFL, 1);
            assertThatThrownBy(() -> admin().protect("VT0002", true))
                    .hasMessageStartingWith("cartridge VT0002 is in use by drive 0 (10.0.0.7:4242 since ");
            admin().protect("VT0001", true); // out of the drive now: the operator may
        }
        assertThat(admin().describe("VT0001").writeProtected()).isTrue();
    }

    @Test
    void aTabFlippedBehindAnOpenSessionIsKeptWhenItSyncs() throws IOException {
        try (Device d = tapes.open("/dev/nst0", WRONLY)) {
            write(d, record(100, 1));
            tapes.library.protect("VT0001", true); // as a race past the drive lock would
            write(d, record(100, 2));
        } // close: a filemark and a sync, which rewrites the sidecar
        assertThat(admin().describe("VT0001").writeProtected()).isTrue();
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            assertErrno(Errno.EACCES, () -> d.ioctl(MtOp.MTWEOF, 1));
        }
    }

    @Test
    void theOperatorsOwnShortLeaseIsBusyToASession() throws IOException {
        tapes.open("/dev/nst0", RDONLY).close();
        try (DriveLease held = tapes.library.lease(0, null)) {
            assertErrno(Errno.EBUSY, () -> tapes.open("/dev/nst0", RDONLY));
            assertThatThrownBy(() -> otherAdmin().unload(0)).hasMessage("drive 0 is in use (an operator command)");
        }
    }

    private java.nio.file.Path emptyImage() throws IOException {
        return Files.createFile(tapes.root.resolve("empty.tap"));
    }
}
