package org.rmt411.server.transport;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.server.session.SessionOptions;

/**
 * The protocol contract every transport must keep (MINA SSHD style: one suite, many
 * transports). Subclasses only say how to connect to a server rooted at a folder.
 */
@Timeout(60)
public abstract class SessionContract {
    @TempDir
    protected Path root;

    /** A client end of one connection. */
    public interface Connection extends AutoCloseable {
        InputStream in();

        OutputStream out();

        /** Ends the client's output, as a client that quits does. */
        void endOutput() throws IOException;

        @Override
        void close() throws IOException;
    }

    /** Connects to a fresh server (or session) rooted at {@link #root} with the embedded idle timeout. */
    protected Connection connect() throws Exception {
        return connect(SessionOptions.DEFAULT_IDLE_TIMEOUT);
    }

    /** Connects to a fresh server (or session) rooted at {@link #root} that ends silent sessions after {@code idle}. */
    protected abstract Connection connect(Duration idle) throws Exception;

    private static void send(Connection c, String text) throws IOException {
        c.out().write(text.getBytes(ISO_8859_1));
        c.out().flush();
    }

    private static String expect(Connection c, String reply) throws IOException {
        byte[] got = c.in().readNBytes(reply.length());
        assertThat(new String(got, ISO_8859_1)).isEqualTo(reply);
        return reply;
    }

    @Test
    void writeSeekReadClose() throws Exception {
        try (Connection c = connect()) {
            send(c, "O/a.tar\n578 O_RDWR|O_CREAT|O_TRUNC\n");
            expect(c, "A0\n");
            send(c, "W5\nhello");
            expect(c, "A5\n");
            send(c, "L0\n0\n");
            expect(c, "A0\n");
            send(c, "R100\n");
            expect(c, "A5\nhello");
            send(c, "R100\n");
            expect(c, "A0\n");
            send(c, "C\n");
            expect(c, "A0\n");
        }
        assertThat(Files.readString(root.resolve("a.tar"))).isEqualTo("hello");
    }

    @Test
    void closeKeepsTheConnectionAndErrorsAreReplies() throws Exception {
        Files.writeString(root.resolve("f"), "0123456789");
        try (Connection c = connect()) {
            send(c, "O/f\n0\nC\nO/f\n0 O_RDONLY\nI6\n1\nS\nL20\n1\n");
            expect(c, "A0\nA0\nA0\nE25\nInappropriate ioctl for device\nE25\nInappropriate ioctl for device\n");
            // L20,1 is offset-first: position 20 (beyond end), then a read gives end of file.
            expect(c, "A20\n");
            send(c, "R5\n");
            expect(c, "A0\n");
        }
    }

    @Test
    void requestsInTinyChunks() throws Exception {
        try (Connection c = connect()) {
            String request = "O/t\n577 O_WRONLY|O_CREAT|O_TRUNC\nW7\nchunkedC\n";
            for (byte b : request.getBytes(ISO_8859_1)) {
                c.out().write(b);
                c.out().flush();
            }
            expect(c, "A0\nA7\nA0\n");
        }
        assertThat(Files.readString(root.resolve("t"))).isEqualTo("chunked");
    }

    @Test
    void largeRecordsRoundTrip() throws Exception {
        byte[] record = new byte[1 << 20];
        new Random(411).nextBytes(record);
        try (Connection c = connect()) {
            send(c, "O/big\n578\n");
            expect(c, "A0\n");
            for (int i = 0; i < 4; i++) {
                send(c, "W" + record.length + "\n");
                c.out().write(record);
                c.out().flush();
                expect(c, "A" + record.length + "\n");
            }
            send(c, "L0\n0\nR16777215\n");
            expect(c, "A0\nA" + (4 * record.length) + "\n");
            for (int i = 0; i < 4; i++) {
                assertThat(c.in().readNBytes(record.length)).isEqualTo(record);
            }
        }
    }

    @Test
    void endOfInputClosesQuietly() throws Exception {
        try (Connection c = connect()) {
            send(c, "O/q\n577\nW1\nq");
            expect(c, "A0\nA1\n");
            c.endOutput();
            assertThat(readToEnd(c)).as("no unsolicited reply").isEmpty();
        }
        assertThat(Files.readString(root.resolve("q"))).isEqualTo("q");
    }

    @Test
    void garbageIsAnsweredThenTheConnectionCloses() throws Exception {
        try (Connection c = connect()) {
            send(c, "X\nO/f\n577\n");
            expect(c, "E22\nGarbage command\n");
            assertThat(readToEnd(c)).isEmpty();
        }
        assertThat(Files.exists(root.resolve("f"))).isFalse();
    }

    @Test
    void silenceEndsTheSessionAndAWrittenTapeGetsItsFilemark() throws Exception {
        try (Connection c = connect(Duration.ofMillis(500))) {
            send(c, "O/dev/nst0\n2\nW4\ndata");
            expect(c, "A0\nA4\n");
            // The client goes quiet without closing: the server ends the session as at end of input.
            assertThat(readToEnd(c)).as("nothing but the end of the connection").isEmpty();
        }
        try (Connection c = connect()) {
            // The drive is free again; the record is there, closed by a filemark (st's close rule).
            send(c, "O/dev/nst0\n0\nI6\n1\nR100\nR100\nR100\n");
            expect(c, "A0\nA1\nA4\ndataA0\nA0\n");
        }
    }

    @Test
    void aSlowClientIsServedWhileEachPauseIsShorterThanTheTimeout() throws Exception {
        try (Connection c = connect(Duration.ofMillis(1500))) {
            for (String part : new String[] {"O/slow\n577\n", "W4\nab", "cd", "C\n"}) {
                send(c, part);
                Thread.sleep(400);
            }
            expect(c, "A0\nA4\nA0\n");
        }
        assertThat(Files.readString(root.resolve("slow"))).isEqualTo("abcd");
    }

    @Test
    void silenceInsideAPayloadWritesNothingOfIt() throws Exception {
        try (Connection c = connect(Duration.ofMillis(500))) {
            send(c, "O/dev/nst0\n2\nW8\nhalf");
            expect(c, "A0\nE5\nPremature eof\n");
            assertThat(readToEnd(c)).isEmpty();
        }
        try (Connection c = connect()) {
            // Nothing was written: the tape is still blank, and st answers EIO to a read there.
            send(c, "O/dev/nst0\n0\nI6\n1\nR100\n");
            expect(c, "A0\nA1\nE5\nInput/output error\n");
        }
    }

    private static String readToEnd(Connection c) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = c.in().read()) >= 0 && System.nanoTime() < deadline) {
            sb.append((char) b);
        }
        return sb.toString();
    }
}
