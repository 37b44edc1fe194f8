package org.rmt411.server.tape;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rmt411.protocol.MtStatus;
import org.rmt411.protocol.RmtReply;
import org.rmt411.protocol.RmtReplyDecoder;
import org.rmt411.server.device.DeviceNamespace;
import org.rmt411.server.session.RmtSession;
import org.rmt411.server.session.SessionOptions;

/** A tape drive behind the real protocol session, over an in-memory pipe. */
class TapeSessionTest {
    @RegisterExtension
    final TapeFixture tapes = new TapeFixture();

    private RmtReplyDecoder converse(String requests) {
        DeviceNamespace namespace = new DeviceNamespace(List.of(tapes.provider), false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RmtSession(Channels.newChannel(new ByteArrayInputStream(requests.getBytes(StandardCharsets.ISO_8859_1))),
                Channels.newChannel(out), namespace, SessionOptions.defaults(), new org.rmt411.server.session.Peer("test", "test")).run();
        return new RmtReplyDecoder(new ByteArrayInputStream(out.toByteArray()));
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

    @Test
    void statusIsTheLinuxStructAndRmtV1OpsUseThePortableNumbers() throws IOException {
        RmtReplyDecoder r = converse("O/dev/nst0\n2 O_RDWR\n" + "W3\nabc" + "I5\n1\n" + "W2\nde" + "I5\n1\n"
                + "I-1\n0\n" + "I5\n1\n" + "S" + "I1\n1\n" + "sF" + "sB" + "i4\n1\n" + "S\n" + "L0\n5\n" + "C\n");
        assertThat(ack(r)).as("open").isZero();
        assertThat(ack(r)).isEqualTo(3);
        assertThat(ack(r)).as("Linux MTWEOF").isEqualTo(1);
        assertThat(ack(r)).isEqualTo(2);
        assertThat(ack(r)).as("Linux MTWEOF").isEqualTo(1);
        assertThat(ack(r)).as("RMT V1 handshake").isEqualTo(1);
        assertThat(ack(r)).as("portable 5 = MTREW").isEqualTo(1);
        MtStatus atBot = status(r);
        assertThat(atBot.type()).isEqualTo(MtStatus.MT_ISSCSI2);
        assertThat(atBot.has(MtStatus.GMT_BOT | MtStatus.GMT_ONLINE)).isTrue();
        assertThat(atBot.fileno()).isZero();
        assertThat(ack(r)).as("portable 1 = MTFSF").isEqualTo(1);
        assertThat(ack(r)).as("sF").isEqualTo(1);
        assertThat(ack(r)).as("sB").isZero();
        assertThat(ack(r)).as("i4 = MTEOM").isEqualTo(1);
        MtStatus atEnd = status(r);
        // st.c st_int_ioctl MTEOM: MTFSF until BLANK CHECK, so the block number is -1 (no
        // GMT_EOF) and the eof state ST_EOD gives GMT_EOD.
        assertThat(atEnd.fileno()).isEqualTo(2);
        assertThat(atEnd.blkno()).isEqualTo(-1);
        assertThat(atEnd.has(MtStatus.GMT_EOD)).isTrue();
        assertThat(atEnd.has(MtStatus.GMT_EOF)).isFalse();
        assertThat(ack(r)).as("L on a tape").isZero();
        assertThat(ack(r)).as("close").isZero();
    }

    @Test
    void readOfASmallerCountIsE12AndAFilemarkIsA0() throws IOException {
        RmtReplyDecoder r = converse("O/dev/nst0\n1 O_WRONLY\nW4\nabcd" + "C\n"
                + "O/dev/nst0\n0 O_RDONLY\nI6\n1\nR2\nR100\nC\n");
        assertThat(ack(r)).isZero();
        assertThat(ack(r)).isEqualTo(4);
        assertThat(ack(r)).isZero();
        assertThat(ack(r)).isZero();
        assertThat(ack(r)).as("rewind").isEqualTo(1);
        RmtReply tooSmall = r.next();
        assertThat(tooSmall).isEqualTo(new RmtReply.Failure(12, "Cannot allocate memory", false));
        assertThat(ack(r)).as("the filemark after the skipped record").isZero();
        assertThat(ack(r)).isZero();
    }
}
