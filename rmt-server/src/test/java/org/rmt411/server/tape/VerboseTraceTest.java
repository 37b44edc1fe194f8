package org.rmt411.server.tape;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmt411.server.device.DeviceNamespace;
import org.rmt411.server.session.Peer;
import org.rmt411.server.session.RmtSession;
import org.rmt411.server.session.SessionOptions;
import org.rmt411.server.session.TraceLevel;

/** {@code --trace} and {@code --trace=verbose} over a virtual tape: what each level writes, and never payload. */
class VerboseTraceTest {
    @RegisterExtension
    final TapeFixture tapes = new TapeFixture();

    private List<String> trace(TraceLevel level, String requests) {
        List<String> lines = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger("rmt411.trace");
        log.addHandler(handler);
        try {
            DeviceNamespace namespace = new DeviceNamespace(List.of(tapes.provider), false);
            new RmtSession(Channels.newChannel(new ByteArrayInputStream(requests.getBytes(StandardCharsets.ISO_8859_1))),
                    Channels.newChannel(new ByteArrayOutputStream()), namespace,
                    SessionOptions.defaults().withTrace(level), new Peer("test", "peer")).run();
        } finally {
            log.removeHandler(handler);
        }
        return lines;
    }

    private static final String SESSION = "O/dev/nst0\n2\n" + "W11\nsecret-data" + "I5\n1\n" + "I6\n1\n"
            + "I1\n2\n" + "L0\n1\n" + "C\n";

    @Test
    void theDefaultIsOneLinePerRequestAndReply() {
        assertThat(trace(TraceLevel.LINES, SESSION)).containsExactly("[peer] O /dev/nst0 flags 2", "[peer]   -> A0",
                "[peer] W 11", "[peer]   -> A11", "[peer] I 5 1", "[peer]   -> A1", "[peer] I 6 1", "[peer]   -> A1",
                "[peer] I 1 2", "[peer]   -> E5 Input/output error", "[peer] L 0 / 1", "[peer]   -> A0",
                "[peer] C", "[peer]   -> A0", "[peer] end of input");
    }

    @Test
    void verboseExplainsEachRequestAndTheTapePositions() {
        List<String> lines = trace(TraceLevel.VERBOSE, SESSION);
        String all = String.join("\n", lines);
        assertThat(all).doesNotContain("secret");
        assertThat(lines).containsSubsequence("[peer] O /dev/nst0 flags 2",
                "[peer]      asks: open a device or file on the server (O_RDWR)",
                "[peer] I 1 2",
                "[peer]      asks: a tape operation (MTIOCTOP ioctl) repeated count times: op 1, count 2",
                "[peer]      MTFSF: space forward over count filemarks: file + count, block 0",
                "[peer]      before: file 0, block 0, GMT_BOT GMT_ONLINE GMT_IM_REP_EN",
                "[peer]      st: MTFSF ran into end of data: EIO, position after the last filemark, block unknown (GMT_EOD)",
                "[peer]      after: file 1, block unknown (-1), GMT_EOD GMT_ONLINE GMT_IM_REP_EN",
                "[peer]   -> E5 Input/output error");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("[peer]      sent this way by: GNU mt"));
        assertThat(lines).contains("[peer]      read as offset 0, SEEK_CUR (from here): either order; rule 3: both lines "
                + "in 0..2 and only one non-zero: that one is the whence and the offset is 0 (a \"tell\" or \"seek to "
                + "end\" reads the same both ways)");
    }
}
