package org.rmt411.server.tape;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.MtStatus;
import org.rmt411.protocol.RmtReply;
import org.rmt411.protocol.RmtReplyDecoder;
import org.rmt411.server.device.DeviceNamespace;
import org.rmt411.server.session.RmtSession;
import org.rmt411.server.session.SessionOptions;

/**
 * {@code S} and RMT V1 {@code s<c>} after every operation in every state, against what the
 * Linux st driver reports: one row per (operation, state), each naming the st.c rule it encodes
 * ({@link StStatusRows}). Every row runs through the real protocol session and checks every
 * field of {@code struct mtget} and every GMT bit, and that each {@code s} field agrees.
 */
class StStatusTableTest {
    @RegisterExtension
    final TapeFixture tapes = new TapeFixture();

    static Stream<StStatusRows.Row> rows() {
        return StStatusRows.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void statusIsWhatStReports(StStatusRows.Row row) throws IOException {
        prepare(row.layout());
        String script = String.join("", row.requests()) + "S" + "sT" + "sR" + "sD" + "sf" + "sE" + "sF" + "sB";
        RmtReplyDecoder replies = converse(script);
        RmtReply last = null;
        for (String request : row.requests()) {
            last = reply(replies, request);
        }
        if (row.reply() instanceof Errno errno) {
            assertThat(last).as("reply").isInstanceOfSatisfying(RmtReply.Failure.class,
                    f -> assertThat(f.errno()).as(f.text()).isEqualTo(errno.number()));
        } else {
            assertThat(last).as("reply").isEqualTo(new RmtReply.Ack((Long) row.reply()));
        }
        MtStatus s = status(replies);
        assertThat(s.fileno()).as("mt_fileno").isEqualTo(row.fileno());
        assertThat(s.blkno()).as("mt_blkno").isEqualTo(row.blkno());
        assertThat(StStatusRows.bits(s.gstat())).as("mt_gstat").isEqualTo(StStatusRows.bits(row.gstat()));
        assertThat(s.dsreg()).as("mt_dsreg").isEqualTo(row.dsreg());
        assertThat(s.type()).as("mt_type").isEqualTo(MtStatus.MT_ISSCSI2);
        assertThat(s.resid()).as("mt_resid: st's partition").isZero();
        assertThat(s.erreg()).as("mt_erreg: recovered errors").isZero();
        for (char field : "TRDfEFB".toCharArray()) {
            assertThat(ack(replies)).as("s" + field + " agrees with S").isEqualTo(s.field(field));
        }
    }

    /** The cartridge and library a row starts from, written through the device as a client would. */
    private void prepare(StStatusRows.Layout layout) throws IOException {
        switch (layout) {
            case BLANK -> { }
            case THREE_FILES -> tapes.writeFiles(3, 3, 3);
            case SMALL -> tapes.restart(new TapeLibrary.Settings(1, 6000, 2000, true));
            case PROTECTED -> {
                tapes.writeFiles(3, 3, 3);
                tapes.library.protect("VT0001", true);
            }
            case NO_AUTOLOADER -> {
                tapes.restart(new TapeLibrary.Settings(1, 1 << 20, 1 << 10, false));
                tapes.writeFiles(3, 3, 3);
            }
        }
    }

    private RmtReplyDecoder converse(String requests) {
        DeviceNamespace namespace = new DeviceNamespace(List.of(tapes.provider), false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RmtSession(Channels.newChannel(new ByteArrayInputStream(requests.getBytes(StandardCharsets.ISO_8859_1))),
                Channels.newChannel(out), namespace, SessionOptions.defaults(), new org.rmt411.server.session.Peer("test", "test")).run();
        return new RmtReplyDecoder(new ByteArrayInputStream(out.toByteArray()));
    }

    /** One request's reply; a successful {@code R} is followed by its data, which is skipped. */
    private static RmtReply reply(RmtReplyDecoder replies, String request) throws IOException {
        RmtReply reply = replies.next();
        if (request.startsWith("R") && reply instanceof RmtReply.Ack ack && ack.value() > 0) {
            replies.readPayload(new byte[(int) ack.value()], 0, (int) ack.value());
        }
        return reply;
    }

    private static long ack(RmtReplyDecoder replies) throws IOException {
        RmtReply reply = replies.next();
        assertThat(reply).isInstanceOf(RmtReply.Ack.class);
        return ((RmtReply.Ack) reply).value();
    }

    private static MtStatus status(RmtReplyDecoder replies) throws IOException {
        byte[] raw = new byte[(int) ack(replies)];
        assertThat(raw).hasSize(MtStatus.LINUX_X86_64_SIZE);
        replies.readPayload(raw, 0, raw.length);
        return MtStatus.fromLinuxBytes(raw);
    }
}
