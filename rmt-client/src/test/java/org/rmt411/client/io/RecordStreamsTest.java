package org.rmt411.client.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.client.FakeTapeServer;
import org.rmt411.client.RemoteTape;
import org.rmt411.client.RmtDialect;
import org.rmt411.client.transport.TcpTransport;
import org.rmt411.protocol.OpenFlags;

/** Record boundaries on a (scripted) tape: fixed W sizes out, any block size in. */
class RecordStreamsTest {
    @TempDir
    Path work;

    @Test
    void writesFixedRecordsPaddingTheLastAndReadsThemBack() throws Exception {
        try (FakeTapeServer server = new FakeTapeServer()) {
            TcpTransport.Factory connector = () -> TcpTransport.connect("127.0.0.1", server.port(),
                    java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(20));
            byte[] data = new byte[2 * 1024 + 700];
            Arrays.fill(data, (byte) 7);
            try (RemoteTape tape = RemoteTape.open(connector, "/dev/nst0", OpenFlags.O_WRONLY, RmtDialect.DEFAULT)) {
                RecordOutputStream out = new RecordOutputStream(tape, RecordOutputStream.recordSize(2));
                out.write(data, 0, 100);
                out.write(data, 100, data.length - 100);
                out.write(1);
                out.close();
                assertThat(out.bytesWritten()).isEqualTo(3 * 1024);
            }
            assertThat(server.writeSizes()).containsExactly(1024, 1024, 1024);
            try (RemoteTape tape = RemoteTape.open(connector, "/dev/nst0", OpenFlags.O_RDONLY, RmtDialect.DEFAULT)) {
                tape.ioctl(org.rmt411.protocol.MtOp.MTREW, 1);
                RecordInputStream in = new RecordInputStream(tape, 64 * 1024);
                ByteArrayOutputStream back = new ByteArrayOutputStream();
                in.transferTo(back);
                assertThat(in.records()).isEqualTo(3);
                byte[] got = back.toByteArray();
                assertThat(got).hasSize(3 * 1024);
                assertThat(Arrays.copyOf(got, data.length)).isEqualTo(data);
                assertThat(got[data.length]).isEqualTo((byte) 1);
                assertThat(got[got.length - 1]).isZero();
            }
        }
        assertThat(Files.exists(work)).isTrue();
    }
}
