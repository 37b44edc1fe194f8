package org.rmt411.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.OpenFlags;
import org.rmt411.protocol.SeekOrder;

class RemoteTapeTest {
    @TempDir
    Path root;
    private InProcessServer server;

    @BeforeEach
    void start() throws Exception {
        server = InProcessServer.serve(root);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void pipelinedWritesThenReadBack() throws Exception {
        byte[] record = new byte[10240];
        try (RemoteTape tape = RemoteTape.open(server.connector(), "/a.bin",
                OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, RmtDialect.DEFAULT)) {
            for (int i = 0; i < 100; i++) {
                Arrays.fill(record, (byte) i);
                tape.write(record, 0, record.length);
            }
        }
        assertThat(Files.size(root.resolve("a.bin"))).isEqualTo(100 * 10240L);
        try (RemoteTape tape = RemoteTape.open(server.connector(), "/a.bin", OpenFlags.O_RDONLY, RmtDialect.DEFAULT)) {
            assertThat(tape.seek(10240 * 7, 0)).isEqualTo(10240 * 7);
            byte[] got = new byte[10240];
            assertThat(tape.read(got, 0, got.length)).isEqualTo(10240);
            assertThat(got[0]).isEqualTo((byte) 7);
            assertThat(tape.seek(-10240, 2)).isEqualTo(99 * 10240);
            assertThat(tape.read(got, 0, got.length)).isEqualTo(10240);
            assertThat(tape.read(got, 0, got.length)).isZero();
        }
    }

    @Test
    void errorReplyCarriesErrnoAndText() throws Exception {
        assertThatThrownBy(() -> RemoteTape.open(server.connector(), "/missing", OpenFlags.O_RDONLY, RmtDialect.DEFAULT))
                .isInstanceOfSatisfying(RemoteTapeException.class, e -> {
                    assertThat(e.errno()).isEqualTo(2);
                    assertThat(e.text()).isEqualTo("No such file or directory");
                    assertThat(e.operation()).isEqualTo("open /missing");
                    assertThat(e.getMessage()).isEqualTo("tcp 127.0.0.1:" + server.port()
                            + ": open /missing: No such file or directory (remote errno 2)");
                });
    }

    @Test
    void plainFileRefusesTapeOperationsWithEnotty() throws Exception {
        Files.write(root.resolve("f"), new byte[10]);
        try (RemoteTape tape = RemoteTape.open(server.connector(), "/f", OpenFlags.O_RDONLY,
                RmtDialect.DEFAULT.withSeekOrder(SeekOrder.OFFSET_FIRST))) {
            assertThatThrownBy(() -> tape.ioctl(MtOp.MTREW, 1))
                    .isInstanceOfSatisfying(RemoteTapeException.class, e -> assertThat(e.errno()).isEqualTo(25));
            assertThatThrownBy(tape::status)
                    .isInstanceOfSatisfying(RemoteTapeException.class, e -> assertThat(e.errno()).isEqualTo(25));
            byte[] got = new byte[100];
            assertThat(tape.read(got, 0, 100)).isEqualTo(10); // session still usable after E replies
        }
    }

    @Test
    void writeErrorSurfacesAtTheNextCall() throws Exception {
        Files.write(root.resolve("ro"), new byte[0]);
        RemoteTape tape = RemoteTape.open(server.connector(), "/ro", OpenFlags.O_RDONLY,
                RmtDialect.DEFAULT.withWriteWindow(8));
        byte[] record = new byte[512];
        assertThatThrownBy(() -> {
            for (int i = 0; i < 20; i++) {
                tape.write(record, 0, record.length);
            }
        }).isInstanceOfSatisfying(RemoteTapeException.class, e -> {
            assertThat(e.errno()).isEqualTo(9);
            assertThat(e.operation()).isEqualTo("write 512");
        });
        tape.close(); // the writes already in flight failed the same way: reported once, not again
    }
}
