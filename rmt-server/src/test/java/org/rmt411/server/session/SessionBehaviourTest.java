package org.rmt411.server.session;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.rmt411.protocol.MtStatus;
import org.rmt411.protocol.SeekOrder;

/** Session rules beyond the transcripts, each with the client it serves. */
class SessionBehaviourTest {

    @Test
    void closeKeepsTheSessionForDumpsReopen() throws IOException {
        try (SessionHarness h = new SessionHarness()) {
            // dump at a volume end: C, then O...0 O_RDONLY, C on the same connection.
            String reply = h.run("O/v1\n1 O_WRONLY|O_CREAT|O_TRUNC\nW3\nabcC\nO/v1\n0 O_RDONLY\nR9\nC\n");
            assertThat(reply).isEqualTo("A0\nA3\nA0\nA0\nA3\nabcA0\n");
        }
    }

    @Test
    void bothSeekOrdersOnOneServer() throws IOException {
        try (SessionHarness h = new SessionHarness()) {
            h.file("f", "0123456789");
            // tar 1.34 --seek (offset first), then tar 1.35 (whence first) in another session.
            assertThat(h.run("O/f\n0\nL4\n0\nR2\nL3\n1\nR1\n")).isEqualTo("A0\nA4\nA2\n45A9\nA1\n9");
            assertThat(h.run("O/f\n0\nL0\n4\nR2\nL1\n3\nR1\n")).isEqualTo("A0\nA4\nA2\n45A9\nA1\n9");
        }
    }

    @Test
    void readsNearTheEndAnswerWhatIsLeftThenZeroAsGnuRmt() throws IOException {
        try (SessionHarness h = new SessionHarness()) {
            h.file("f", "0123456789");
            // A record read whole, a short last record, then end of file; past the end after L.
            assertThat(h.run("O/f\n0\nR8\nR8\nR8\nL20\n0\nR4\nR0\n"))
                    .isEqualTo("A0\nA8\n01234567A2\n89A0\nA20\nA0\nA0\n");
            // Larger than the read buffer: the length is worked out from the size first.
            assertThat(h.run("O/f\n0\nL6\n0\nR1048576\nR1048576\n")).isEqualTo("A0\nA6\nA4\n6789A0\n");
        }
    }

    @Test
    void seekOrderOverride() throws IOException {
        try (SessionHarness h = new SessionHarness()) {
            h.file("f", "0123456789");
            h.options(new SessionOptions(1 << 20, SeekOrder.WHENCE_FIRST, false));
            assertThat(h.run("O/f\n0\nL0\n1\nR1\n")).isEqualTo("A0\nA1\nA1\n1");
        }
    }

    @Test
    void truncatedWritePayloadWritesNothing() throws IOException {
        try (SessionHarness h = new SessionHarness()) {
            h.file("f", "keep");
            assertThat(h.run("O/f\n2\nW10\nhello")).isEqualTo("A0\nE5\nPremature eof\n");
            assertThat(h.content("f")).isEqualTo("keep");
        }
    }

    @Test
    void oversizedWriteIsRefusedAndTheConnectionCloses() throws IOException {
        try (SessionHarness h = new SessionHarness()) {
            h.options(new SessionOptions(8, SeekOrder.AUTO, false));
            assertThat(h.run("O/f\n577\nW9\n123456789C\n")).isEqualTo("A0\nE22\nByte count out of range\n");
            assertThat(h.content("f")).isEmpty();
            assertThat(h.run("O/f\n0\nR9\nR8\n")).isEqualTo("A0\nE22\nByte count out of range\nA0\n");
        }
    }

    @Test
    void largeRecordsStreamThroughIntact() throws IOException {
        try (SessionHarness h = new SessionHarness()) {
            byte[] record = new byte[3 * 1024 * 1024 + 17];
            new java.util.Random(7).nextBytes(record);
            byte[] head = "O/big\n577\nW3145745\n".getBytes(ISO_8859_1);
            byte[] tail = "O/big\n0\nR16777215\n".getBytes(ISO_8859_1);
            byte[] request = new byte[head.length + record.length + tail.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(record, 0, request, head.length, record.length);
            System.arraycopy(tail, 0, request, head.length + record.length, tail.length);
            byte[] reply = h.whole().run(request);
            String prefix = "A0\nA3145745\nA0\nA3145745\n";
            assertThat(new String(reply, 0, prefix.length(), ISO_8859_1)).isEqualTo(prefix);
            assertThat(java.util.Arrays.copyOfRange(reply, prefix.length(), reply.length)).isEqualTo(record);
            assertThat(Files.readAllBytes(h.root.resolve("big"))).isEqualTo(record);
        }
    }

    @Test
    void newFilesAre0644AndAppendAppends() throws IOException {
        try (SessionHarness h = new SessionHarness()) {
            assertThat(h.run("O/n\n65 O_WRONLY|O_CREAT\nW2\nabC\nO/n\nO_WRONLY|O_APPEND\nW2\ncdC\n"))
                    .isEqualTo("A0\nA2\nA0\nA0\nA2\nA0\n");
            assertThat(h.content("n")).isEqualTo("abcd");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(h.root.resolve("n"))))
                    .isEqualTo("rw-r--r--");
        }
    }

    @Test
    void ioctlRepliesEchoTheCountAndRmtV1TranslatesOps() throws IOException {
        RecordingTape tape = new RecordingTape();
        try (SessionHarness h = new SessionHarness()) {
            // Linux numbering first (GNU mt rewind = I6), then V1: portable 0 = WEOF, 5 = REW,
            // 7 = NOP, 8 = RETEN (dump), i2 = RETEN, i3 = ERASE, i4 = EOM; unknown ones are E22.
            String reply = h.provider(tape).run("O/dev/fake\n0\nI6\n1\nI-1\n0\nI0\n2\nI5\n1\nI7\n1\nI8\n1\nI11\n1\n"
                    + "i2\n1\ni3\n0\ni4\n1\ni0\n1\n");
            assertThat(reply).isEqualTo("A0\nA1\nA1\nA2\nA1\nA1\nA1\nE22\nInvalid argument\nA1\nA0\nA1\n"
                    + "E22\nInvalid argument\n");
            assertThat(tape.ops).containsExactly("6:1", "5:2", "6:1", "8:1", "9:1", "9:1", "13:0", "12:1");
            assertThat(tape.closed).as("end of input closes the device").isTrue();
        }
    }

    @Test
    void deviceErrorsBecomeErrnoReplies() throws IOException {
        RecordingTape tape = new RecordingTape();
        try (SessionHarness h = new SessionHarness()) {
            assertThat(h.provider(tape).run("O/dev/fake\n0\nI27\n1\nR2\nR10240\n"))
                    .isEqualTo("A0\nE38\nFunction not implemented\nE12\nCannot allocate memory\nA4\ntape");
        }
    }

    @Test
    void statusWithAndWithoutNewlineCarriesTheLinuxStruct() throws IOException {
        RecordingTape tape = new RecordingTape();
        try (SessionHarness h = new SessionHarness()) {
            byte[] reply = h.provider(tape).run("O/dev/fake\n0\nSS\nsFsTsfC\n".getBytes(ISO_8859_1));
            byte[] raw = tape.status().toLinuxBytes();
            String expected = "A0\nA48\n" + new String(raw, ISO_8859_1) + "A48\n" + new String(raw, ISO_8859_1)
                    + "A2\nA114\nA" + (MtStatus.GMT_ONLINE | MtStatus.GMT_EOF) + "\nA0\n";
            assertThat(new String(reply, ISO_8859_1)).isEqualTo(expected);
        }
    }

    @Test
    void recordsReachTheDeviceOneWriteEach() throws IOException {
        RecordingTape tape = new RecordingTape();
        try (SessionHarness h = new SessionHarness()) {
            assertThat(h.provider(tape).run("O/dev/fake\n1\nW3\nabcW0\nW1\nzC\n")).isEqualTo("A0\nA3\nA0\nA1\nA0\n");
            assertThat(tape.records).containsExactly(3, 0, 1);
        }
    }

    @Test
    void writeBeforeOpenConsumesThePayload() throws IOException {
        try (SessionHarness h = new SessionHarness()) {
            h.file("f", "x");
            assertThat(h.run("W5\nhelloO/f\n0\nR1\n")).isEqualTo("E9\nBad file descriptor\nA0\nA1\nx");
        }
    }

    @Test
    void pipelinedRequestsGetTheirRepliesInOneWrite() throws IOException {
        try (SessionHarness h = new SessionHarness()) {
            java.util.List<Integer> writes = new java.util.ArrayList<>();
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            java.nio.channels.WritableByteChannel counting = new java.nio.channels.WritableByteChannel() {
                @Override
                public int write(java.nio.ByteBuffer src) {
                    int n = src.remaining();
                    writes.add(n);
                    while (src.hasRemaining()) {
                        bytes.write(src.get());
                    }
                    return n;
                }

                @Override
                public boolean isOpen() {
                    return true;
                }

                @Override
                public void close() {
                }
            };
            String requests = "O/p\n577\n" + "W2\nabW2\ncdW2\nef" + "C\n";
            org.rmt411.server.device.DeviceNamespace namespace = new org.rmt411.server.device.DeviceNamespace(
                    java.util.List.of(new org.rmt411.server.device.FileProvider(
                            new org.rmt411.server.device.RootJail(h.root))), false);
            new RmtSession(java.nio.channels.Channels.newChannel(new java.io.ByteArrayInputStream(
                    requests.getBytes(ISO_8859_1))), counting, namespace, SessionOptions.defaults(), new Peer("test", "t")).run();
            assertThat(bytes.toString(ISO_8859_1)).isEqualTo("A0\nA2\nA2\nA2\nA0\n");
            assertThat(writes).as("all five replies were already due when the session next read").hasSize(1);
            assertThat(h.content("p")).isEqualTo("abcdef");
        }
    }

    @Test
    void aFileWriteLargerThanTheReadBufferArrivesWholeAndACutOneIsTakenBack() throws IOException {
        int big = 2 * org.rmt411.protocol.RmtRequestDecoder.VIEW_BUFFER + 3;
        String payload = "x".repeat(big);
        try (SessionHarness h = new SessionHarness()) {
            h.file("f", "keep");
            assertThat(h.run("O/f\n1025\nW" + big + "\n" + payload + "C\n")).isEqualTo("A0\nA" + big + "\nA0\n");
            assertThat(h.content("f")).isEqualTo("keep" + payload);
            // Cut short after more than one chunk reached the file: its old length comes back.
            assertThat(h.run("O/f\n1025\nW" + big + "\n" + payload.substring(1)))
                    .isEqualTo("A0\nE5\nPremature eof\n");
            assertThat(h.content("f")).isEqualTo("keep" + payload);
        }
    }
}
