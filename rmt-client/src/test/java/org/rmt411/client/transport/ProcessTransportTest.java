package org.rmt411.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rmt411.client.RemoteTape;
import org.rmt411.client.RmtDialect;
import org.rmt411.protocol.OpenFlags;
import org.rmt411.protocol.RmtProtocolException;

/** The remote-shell transport's reply timeout: a pipe has none, so the transport keeps one. */
class ProcessTransportTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @Test
    void silentChildIsStoppedAndTheOpenFailsWithinTheTimeout() {
        assertTimeoutPreemptively(LIMIT, () -> {
            // A wrapper whose child (sleep) holds the pipe open: killing only the wrapper would
            // leave the read blocked.
            ProcessTransport transport = ProcessTransport.start(
                    List.of("sh", "-c", "sleep 60; true"), Duration.ofSeconds(1));
            long start = System.nanoTime();
            assertThatThrownBy(() -> RemoteTape.open(transport, "/t", OpenFlags.O_RDONLY, RmtDialect.DEFAULT))
                    .isInstanceOf(RmtProtocolException.class).hasMessageContaining("no reply")
                    .hasRootCauseInstanceOf(SocketTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            transport.close();
        });
    }

    @Test
    void tricklingChildIsStoppedAtTheReplyDeadline() {
        assertTimeoutPreemptively(LIMIT, () -> {
            // Each byte comes 0.3 s after the last: every read is quick, the reply never ends.
            ProcessTransport transport = ProcessTransport.start(List.of("sh", "-c",
                    "printf A; while :; do sleep 0.3; printf 0; done"), Duration.ofSeconds(1));
            long start = System.nanoTime();
            assertThatThrownBy(() -> RemoteTape.open(transport, "/t", OpenFlags.O_RDONLY, RmtDialect.DEFAULT))
                    .isInstanceOf(RmtProtocolException.class).hasMessageContaining("within 1 s (see --timeout)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            transport.close();
        });
    }

    @Test
    void slowButTimelyChildIsNotStopped() {
        assertTimeoutPreemptively(LIMIT, () -> {
            // Answers the open and the close 0.3 s late each, within a 2 s timeout.
            ProcessTransport transport = ProcessTransport.start(List.of("sh", "-c",
                    "read a; read b; sleep 0.3; printf 'A3\\n'; read c; sleep 0.3; printf 'A0\\n'; cat >/dev/null"),
                    Duration.ofSeconds(2));
            RemoteTape tape = RemoteTape.open(transport, "/t", OpenFlags.O_RDONLY, RmtDialect.DEFAULT);
            tape.close();
        });
    }

    @Test
    void idleTimeBetweenReadsDoesNotCount() throws Exception {
        AtomicInteger fired = new AtomicInteger();
        try (InputStream in = new TimedInputStream(new ByteArrayInputStream("hello".getBytes(StandardCharsets.US_ASCII)),
                Duration.ofMillis(200), fired::incrementAndGet, "test")) {
            assertThat(in.read()).isEqualTo('h');
            Thread.sleep(400);
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("ello");
        }
        assertThat(fired).hasValue(0);
    }

    @Test
    void overrunIsATimeoutOnThisAndEveryLaterRead() throws Exception {
        Gate gate = new Gate();
        TimedInputStream in = new TimedInputStream(gate, Duration.ofMillis(200), gate::open, "a stuck child");
        assertTimeoutPreemptively(LIMIT, () -> {
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("no reply from a stuck child");
            assertThatThrownBy(() -> in.read(new byte[4], 0, 4)).isInstanceOf(SocketTimeoutException.class);
        });
        in.close();
    }

    @Test
    void stuckReadAfterManyQuickOnesStillTimesOut() throws Exception {
        Gate gate = new Gate();
        InputStream quickThenStuck = new java.io.SequenceInputStream(new ByteArrayInputStream(new byte[1000]), gate);
        TimedInputStream in = new TimedInputStream(quickThenStuck, Duration.ofMillis(300), gate::open, "a child");
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int i = 0; i < 1000; i++) {
                assertThat(in.read()).isZero();
            }
            long start = System.nanoTime();
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        });
        in.close();
    }

    /** A stream whose reads block until it is opened, then see the end (like a killed child's pipe). */
    private static final class Gate extends InputStream {
        private boolean opened;

        synchronized void open() {
            opened = true;
            notifyAll();
        }

        @Override
        public synchronized int read() throws IOException {
            while (!opened) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            return -1;
        }
    }
}
