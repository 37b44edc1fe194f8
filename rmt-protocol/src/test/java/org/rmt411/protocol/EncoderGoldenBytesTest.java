package org.rmt411.protocol;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Exact bytes on the wire for every request the client writes and every reply the server writes. */
class EncoderGoldenBytesTest {
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private final RmtRequestEncoder requests = new RmtRequestEncoder(wire);
    private final RmtReplyEncoder replies = new RmtReplyEncoder(wire);

    private String wire() {
        return wire.toString(ISO_8859_1);
    }

    @Test
    void openUsesGnuCombinedFlags() throws IOException {
        requests.open("/dev/nst0", OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC);
        requests.open("/a", OpenFlags.O_RDONLY);
        requests.open("/b", OpenFlags.O_RDWR | OpenFlags.O_CREAT);
        assertThat(wire()).isEqualTo("O/dev/nst0\n577 O_WRONLY|O_CREAT|O_TRUNC\nO/a\n0 O_RDONLY\nO/b\n66 O_RDWR|O_CREAT\n");
    }

    @Test
    void openRefusesNamesTheProtocolCannotCarry() {
        assertThatThrownBy(() -> requests.open("a\nb", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> requests.open("a\0b", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seekInBothOrders() throws IOException {
        requests.seek(20480, 1, SeekOrder.OFFSET_FIRST);
        requests.seek(20480, 1, SeekOrder.WHENCE_FIRST);
        requests.seek(-4, 2, SeekOrder.OFFSET_FIRST);
        assertThat(wire()).isEqualTo("L20480\n1\nL1\n20480\nL-4\n2\n");
    }

    @Test
    void readWriteIoctlStatus() throws IOException {
        requests.read(10240);
        requests.write("xhellox".getBytes(ISO_8859_1), 1, 5);
        requests.ioctl(6, 1);
        requests.extendedIoctl(4, 1);
        requests.versionHandshake();
        requests.status(false);
        requests.status(true);
        requests.statusField('F');
        requests.close();
        assertThat(wire()).isEqualTo("R10240\nW5\nhelloI6\n1\ni4\n1\nI-1\n0\nSS\nsFC\n");
    }

    @Test
    void replies() throws IOException {
        replies.ack(0);
        replies.ack(10240);
        replies.ack(-1);
        replies.error(25, "Inappropriate ioctl for device");
        replies.error(new RmtException(Errno.EINVAL, "Garbage command"));
        replies.error(5, "two\nlines");
        replies.ack(3);
        replies.payload("xabcx".getBytes(ISO_8859_1), 1, 3);
        assertThat(wire()).isEqualTo("A0\nA10240\nA-1\nE25\nInappropriate ioctl for device\nE22\nGarbage command\n"
                + "E5\ntwo lines\nA3\nabc");
    }

    @Test
    void requestsRoundTripThroughTheDecoder() throws IOException {
        requests.open("/x y", OpenFlags.O_RDWR | OpenFlags.O_CREAT | OpenFlags.O_TRUNC);
        requests.seek(7, 0, SeekOrder.WHENCE_FIRST);
        requests.write(new byte[] {1, 2, 3}, 0, 3);
        requests.status(false);
        requests.read(3);
        RmtRequestDecoder decoder = new RmtRequestDecoder(new TrickleInputStream(wire.toByteArray(), 1));
        RmtRequest.Open open = (RmtRequest.Open) decoder.next();
        assertThat(open.device()).isEqualTo("/x y");
        assertThat(OpenFlags.parse(open.flags())).isEqualTo(OpenFlags.O_RDWR | OpenFlags.O_CREAT | OpenFlags.O_TRUNC);
        assertThat(decoder.next()).isEqualTo(new RmtRequest.Seek("0", "7"));
        assertThat(decoder.next()).isEqualTo(new RmtRequest.Write(3));
        assertThat(decoder.readPayload(new byte[3], 0, 3)).isEqualTo(3);
        assertThat(decoder.next()).isEqualTo(new RmtRequest.Status());
        assertThat(decoder.next()).isEqualTo(new RmtRequest.Read(3));
        assertThat(decoder.next()).isNull();
    }
}
