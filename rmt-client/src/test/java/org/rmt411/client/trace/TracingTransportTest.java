package org.rmt411.client.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.client.InProcessServer;
import org.rmt411.client.RemoteTape;
import org.rmt411.client.RmtDialect;
import org.rmt411.client.cli.ClientMain;
import org.rmt411.protocol.MtOp;
import org.rmt411.protocol.OpenFlags;

/** The client's --trace against rmt411 in-process: the same lines the server's trace prints, never payload. */
class TracingTransportTest {
    @TempDir
    Path work;

    @Test
    void oneLinePerRequestAndReplyAndVerboseWordsUnderThem() throws Exception {
        List<String> lines = new ArrayList<>();
        try (InProcessServer server = InProcessServer.serve(Files.createDirectories(work.resolve("tapes")))) {
            try (RemoteTape tape = RemoteTape.open(TracingTransport.wrap(server.connector(), lines::add, true),
                    "/dev/nst0", OpenFlags.O_RDWR, RmtDialect.DEFAULT)) {
                tape.write("secret-data".getBytes(StandardCharsets.US_ASCII), 0, 11);
                tape.ioctl(MtOp.MTREW, 1);
                byte[] back = new byte[64];
                assertThat(tape.read(back, 0, back.length)).isEqualTo(11);
                assertThatThrownBy(() -> tape.ioctl(MtOp.MTFSF, 5)).hasMessageContaining("Input/output error");
            }
        }
        assertThat(String.join("\n", lines)).doesNotContain("secret");
        assertThat(lines).containsSubsequence("W 11", "  -> A11", "I 6 1", "  -> A1", "R 64", "  -> A11",
                "I 1 5", "  -> E5 Input/output error", "     EIO (5, Input/output error)", "C", "  -> A0");
        assertThat(lines).contains("     asks: read one record of up to this many bytes; the reply says how many came");
    }

    @Test
    void anUnknownTraceLevelIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = ClientMain.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "mt", "--trace=loud",
                "-f", "host:/dev/nst0", "status");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("rmt-client: --trace takes no value or =verbose, not 'loud'");
    }
}
