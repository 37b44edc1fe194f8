package org.rmt411.protocol;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The client-side reply reader trusts nothing the server sends. */
class RmtReplyDecoderTest {
    private static RmtReplyDecoder decoder(String wire) {
        return new RmtReplyDecoder(new TrickleInputStream(wire.getBytes(ISO_8859_1), wire.length()));
    }

    @Test
    void acknowledgementsErrorsAndFatalErrors() throws IOException {
        RmtReplyDecoder d = decoder("A0\nA10240\n A7\nE25\nInappropriate ioctl for device\nF5\nboom\nA-1\n");
        assertThat(d.next()).isEqualTo(new RmtReply.Ack(0));
        assertThat(d.next()).isEqualTo(new RmtReply.Ack(10240));
        assertThat(d.next()).isEqualTo(new RmtReply.Ack(7));
        assertThat(d.next()).isEqualTo(new RmtReply.Failure(25, "Inappropriate ioctl for device", false));
        assertThat(d.next()).isEqualTo(new RmtReply.Failure(5, "boom", true));
        assertThat(d.next()).isEqualTo(new RmtReply.Ack(-1));
    }

    @Test
    void payloadFollowsTheAck() throws IOException {
        RmtReplyDecoder d = decoder("A5\nhelloA0\n");
        assertThat(d.next()).isEqualTo(new RmtReply.Ack(5));
        byte[] data = new byte[5];
        d.readPayload(data, 0, 5);
        assertThat(new String(data, ISO_8859_1)).isEqualTo("hello");
        assertThat(d.next()).isEqualTo(new RmtReply.Ack(0));
    }

    @Test
    void overlongLineIsAProtocolErrorNotAnAllocation() {
        String megabyte = "A" + "9".repeat(1 << 20) + "\n";
        assertThatThrownBy(() -> decoder(megabyte).next()).isInstanceOf(RmtProtocolException.class)
                .hasMessageContaining("longer than 64");
    }

    @Test
    void garbageIsAProtocolError() {
        assertThatThrownBy(() -> decoder("Xyz\n").next()).isInstanceOf(RmtProtocolException.class);
        assertThatThrownBy(() -> decoder("Aabc\n").next()).isInstanceOf(RmtProtocolException.class);
        assertThatThrownBy(() -> decoder("A\n").next()).isInstanceOf(RmtProtocolException.class);
        assertThatThrownBy(() -> decoder("A99999999999999999999\n").next()).isInstanceOf(RmtProtocolException.class);
    }

    @Test
    void closedConnectionIsEof() {
        assertThatThrownBy(() -> decoder("").next()).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> decoder("A1").next()).isInstanceOf(EOFException.class);
        RmtReplyDecoder d = new RmtReplyDecoder(new ByteArrayInputStream("A5\nhe".getBytes(ISO_8859_1)));
        assertThatThrownBy(() -> {
            d.next();
            d.readPayload(new byte[5], 0, 5);
        }).isInstanceOf(EOFException.class);
    }
}
