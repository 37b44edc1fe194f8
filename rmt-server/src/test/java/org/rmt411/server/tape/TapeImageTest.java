package org.rmt411.server.tape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rmt411.server.tape.TapeFixture.RDONLY;
import static org.rmt411.server.tape.TapeFixture.WRONLY;
import static org.rmt411.server.tape.TapeFixture.assertAt;
import static org.rmt411.server.tape.TapeFixture.read;
import static org.rmt411.server.tape.TapeFixture.record;
import static org.rmt411.server.tape.TapeFixture.write;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmt411.protocol.MtOp;
import org.rmt411.server.device.Device;

/** The cartridge image on disk: SIMH framing, torn-tail recovery, state kept between processes. */
class TapeImageTest {
    @RegisterExtension
    final TapeFixture tapes = new TapeFixture();

    @Test
    void tornTailIsCutBackToTheLastWholeObjectOnLoad() throws IOException {
        tapes.writeFiles(2);
        long whole = Files.size(tapes.image("VT0001"));
        byte[] torn = {(byte) 100, 0, 0, 0, 1, 2, 3};
        Files.write(tapes.image("VT0001"), torn, java.nio.file.StandardOpenOption.APPEND);
        tapes.restart(TapeLibrary.Settings.DEFAULT);
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            assertAt(d, 1, 0);
        }
        assertThat(Files.size(tapes.image("VT0001"))).isEqualTo(whole);
        assertThat(Sidecar.load(tapes.library.store(), "VT0001").tornTailRepairs).isEqualTo(1);
        assertThat(tapes.scan("VT0001").records()).isEqualTo(2);
    }

    @Test
    void recordWhoseTrailerDiffersIsATornTailToo() throws IOException {
        tapes.writeFiles(1);
        try (Device d = tapes.open("/dev/nst0", WRONLY)) {
            write(d, record(8, 1));
        }
        long size = Files.size(tapes.image("VT0001"));
        try (var ch = java.nio.channels.FileChannel.open(tapes.image("VT0001"),
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(size - 4); // lose the final filemark and damage the trailer below
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {9, 0, 0, 0}), size - 8);
        }
        tapes.restart(TapeLibrary.Settings.DEFAULT);
        tapes.open("/dev/nst0", RDONLY).close();
        assertThat(tapes.scan("VT0001").records()).isEqualTo(1);
        assertThat(tapes.scan("VT0001").tornAt()).isEqualTo(-1);
    }

    @Test
    void positionPersistsAcrossServerProcesses() throws IOException {
        tapes.writeFiles(3, 3, 3);
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            d.ioctl(MtOp.MTREW, 1);
            d.ioctl(MtOp.MTFSF, 2);
        }
        tapes.restart(TapeLibrary.Settings.DEFAULT);
        try (Device d = tapes.open("/dev/nst0", RDONLY)) {
            assertAt(d, 2, 0);
            assertThat(read(d, 100)).isEqualTo(record(100, 20));
        }
    }

    @Test
    void oddRecordsArePaddedAndFramedByLittleEndianLengths() throws IOException {
        try (Device d = tapes.open("/dev/nst0", WRONLY)) {
            write(d, new byte[] {'a', 'b', 'c'});
        }
        assertThat(Files.readAllBytes(tapes.image("VT0001"))).containsExactly(
                3, 0, 0, 0, 'a', 'b', 'c', 0, 3, 0, 0, 0, 0, 0, 0, 0);
    }
}
