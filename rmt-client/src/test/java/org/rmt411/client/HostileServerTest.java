package org.rmt411.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rmt411.client.transport.TcpTransport;
import org.rmt411.protocol.OpenFlags;
import org.rmt411.protocol.RmtException;
import org.rmt411.protocol.RmtProtocolException;

/**
 * Servers that lie, babble or say nothing: each must end in a clear RmtException within the
 * timeout, with no allocation sized by the server's numbers.
 */
class HostileServerTest {
    private static final Duration LIMIT = Duration.ofSeconds(15);
    private ServerSocket listener;
    private Thread thread;

    /** Accepts one client, swallows what it sends, and writes {@code script} (then stays open). */
    private int serve(byte[] script) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            try (Socket s = listener.accept()) {
                Thread drain = new Thread(() -> {
                    try (InputStream in = s.getInputStream()) {
                        in.transferTo(OutputStream.nullOutputStream());
                    } catch (IOException e) {
                        // client gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                s.getOutputStream().write(script);
                s.getOutputStream().flush();
                drain.join(LIMIT.toMillis());
            } catch (IOException | InterruptedException e) {
                // client gone
            }
        });
        thread.setDaemon(true);
        thread.start();
        return listener.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        listener.close();
        thread.join(LIMIT.toMillis());
    }

    private RemoteTape open(String script) throws IOException {
        return open(script.getBytes(StandardCharsets.ISO_8859_1));
    }

    private RemoteTape open(byte[] script) throws IOException {
        return open(script, RmtDialect.DEFAULT);
    }

    private RemoteTape open(byte[] script, RmtDialect dialect) throws IOException {
        int port = serve(script);
        return RemoteTape.open(TcpTransport.connect("127.0.0.1", port, Duration.ofSeconds(5), Duration.ofSeconds(1)),
                "/t", OpenFlags.O_RDONLY, dialect);
    }

    @Test
    void readReplyLargerThanAskedIsRefused() {
        assertTimeoutPreemptively(LIMIT, () -> {
            RemoteTape tape = open("A0\nA2000000000\n");
            assertThatThrownBy(() -> tape.read(new byte[10], 0, 10))
                    .isInstanceOf(RmtProtocolException.class).hasMessageContaining("CVE-2010-0624");
            assertThatThrownBy(() -> tape.read(new byte[10], 0, 10))
                    .isInstanceOf(RmtException.class).hasMessageContaining("disconnected");
            tape.close();
        });
    }

    @Test
    void negativeCountIsRefused() {
        assertTimeoutPreemptively(LIMIT, () -> {
            RemoteTape tape = open("A0\nA-5\n");
            assertThatThrownBy(() -> tape.read(new byte[10], 0, 10)).isInstanceOf(RmtProtocolException.class);
        });
    }

    @Test
    void writeReplyLargerThanSentIsRefused() {
        assertTimeoutPreemptively(LIMIT, () -> {
            RemoteTape tape = open("A0\nA999999\n");
            assertThatThrownBy(() -> {
                tape.write(new byte[10], 0, 10);
                tape.flush();
            }).isInstanceOf(RmtProtocolException.class).hasMessageContaining("999999");
        });
    }

    @Test
    void hugeStatusIsRefusedWithoutAllocating() {
        assertTimeoutPreemptively(LIMIT, () -> {
            RemoteTape tape = open("A0\nA2147483647\n".getBytes(StandardCharsets.US_ASCII),
                    RmtDialect.DEFAULT.withStatus(RmtDialect.StatusRequest.STRUCT_LINE));
            assertThatThrownBy(tape::status).isInstanceOf(RmtProtocolException.class)
                    .hasMessageContaining("2147483647");
        });
    }

    @Test
    void garbageReplyIsRefused() {
        assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> open("HELLO WORLD\n"))
                .isInstanceOf(RmtProtocolException.class).hasMessageContaining("ELLO WORLD"));
    }

    @Test
    void nonNumericCountIsRefused() {
        assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> open("A12abc\n"))
                .isInstanceOf(RmtProtocolException.class).hasMessageContaining("not a number"));
    }

    @Test
    void megabyteReplyLineIsRefused() {
        byte[] line = new byte[1024 * 1024 + 2];
        java.util.Arrays.fill(line, (byte) '1');
        line[0] = 'A';
        line[line.length - 1] = '\n';
        assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> open(line))
                .isInstanceOf(RmtProtocolException.class));
    }

    @Test
    void endlessStreamWithoutNewlineIsCutOff() {
        byte[] flood = new byte[8 * 1024 * 1024];
        java.util.Arrays.fill(flood, (byte) '7');
        flood[0] = 'A';
        assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> open(flood))
                .isInstanceOf(RmtProtocolException.class).hasMessageContaining("more than any expected reply"));
    }

    @Test
    void silenceEndsInATimeout() {
        assertTimeoutPreemptively(LIMIT, () -> {
            long start = System.nanoTime();
            assertThatThrownBy(() -> open(new byte[0])).isInstanceOf(RmtProtocolException.class)
                    .hasMessageEndingWith("no complete reply from rmt server 127.0.0.1:" + listener.getLocalPort()
                            + " within 1 s (see --timeout)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        });
    }

    /** One byte of "A0\n" every 300 ms, forever: each read is quick, the reply never ends in time. */
    @Test
    void tricklingServerIsCutOffAtTheReplyDeadline() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            try (Socket s = listener.accept()) {
                for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                    s.getOutputStream().write(i == 0 ? 'A' : '0');
                    s.getOutputStream().flush();
                    Thread.sleep(300);
                }
            } catch (IOException | InterruptedException e) {
                // client gone, or the test is over
            }
        });
        thread.setDaemon(true);
        thread.start();
        int port = listener.getLocalPort();
        assertTimeoutPreemptively(LIMIT, () -> {
            long start = System.nanoTime();
            assertThatThrownBy(() -> RemoteTape.open(TcpTransport.connect("127.0.0.1", port, Duration.ofSeconds(5),
                    Duration.ofSeconds(1)), "/t", OpenFlags.O_RDONLY, RmtDialect.DEFAULT))
                    .isInstanceOf(RmtProtocolException.class)
                    .hasMessageEndingWith("no complete reply from rmt server 127.0.0.1:" + port + " within 1 s (see --timeout)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(3));
        });
        thread.interrupt();
    }

    @Test
    void closedConnectionIsAClearError() {
        assertTimeoutPreemptively(LIMIT, () -> {
            RemoteTape tape = open("A0\n");
            listener.close();
            thread.interrupt();
            assertThatThrownBy(() -> {
                for (int i = 0; i < 3; i++) {
                    tape.read(new byte[10], 0, 10);
                }
            }).isInstanceOf(RmtException.class);
        });
    }
}
