package org.rmt411.server.session;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rmt411.server.device.DeviceNamespace;

/** How sessions end: the idle timeout counts only the client's silence, and every end leaves an audit line. */
@Timeout(60)
class SessionEndTest {
    private final List<String> audit = new CopyOnWriteArrayList<>();
    private final Logger auditLogger = Logger.getLogger("rmt411.audit");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            audit.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final RecordingTape tape = new RecordingTape();

    @BeforeEach
    void listen() {
        auditLogger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        auditLogger.removeHandler(capture);
    }

    /** A session on in-memory pipes, on its own thread; the test plays the client. */
    private final class Client implements AutoCloseable {
        final InputStream in;
        final OutputStream out;
        final Thread server;

        Client(SessionOptions options) throws IOException {
            Pipe toServer = Pipe.open();
            Pipe toClient = Pipe.open();
            DeviceNamespace namespace = new DeviceNamespace(List.of(tape), false);
            server = new Thread(() -> {
                try (Pipe.SinkChannel sink = toClient.sink()) {
                    new RmtSession(toServer.source(), sink, namespace, options, new Peer("pipe", "client 1")).run();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            server.start();
            in = Channels.newInputStream(toClient.source());
            out = Channels.newOutputStream(toServer.sink());
        }

        String exchange(String request, int replyLength) throws IOException {
            out.write(request.getBytes(ISO_8859_1));
            return new String(in.readNBytes(replyLength), ISO_8859_1);
        }

        @Override
        public void close() throws Exception {
            out.close();
            server.join(10_000);
            in.close();
        }
    }

    @Test
    void aSlowOperationOnTheServerIsNotSilence() throws Exception {
        tape.ioctlMillis = 1500;
        try (Client c = new Client(SessionOptions.defaults().withIdleTimeout(Duration.ofMillis(400)))) {
            assertThat(c.exchange("O/dev/fake\n2\nI11\n1\n", 6)).isEqualTo("A0\nA1\n");
            assertThat(c.exchange("C\n", 3)).isEqualTo("A0\n");
        }
        assertThat(audit).singleElement().asString().contains(" end=close");
    }

    @Test
    void aCleanSessionIsAuditedWithItsDevicesAndCounts() throws Exception {
        try (Client c = new Client(SessionOptions.defaults())) {
            assertThat(c.exchange("O/nope\n0\n", 29)).isEqualTo("E2\nNo such file or directory\n");
            assertThat(c.exchange("O/dev/fake\n1\nW3\nabcW2\ndeR9\nC\n", 19)).isEqualTo("A0\nA3\nA2\nA4\ntapeA0\n");
        }
        assertThat(audit).singleElement().asString()
                .startsWith("audit transport=pipe peer=client%201 start=")
                .contains(" opened=/dev/fake:w refused=/nope:E2 read=4B/1rec written=5B/2rec filemarks=0 end=close")
                .containsPattern(" duration=\\d+\\.\\d{3}s ");
    }

    @Test
    void aTlsIdentityFollowsThePeerEscaped() {
        SessionAudit tls = new SessionAudit(new Peer("tls", "192.0.2.7:40112", "CN=backup,O=Example Inc"));
        assertThat(tls.line(SessionAudit.End.CLOSE, 0, null))
                .startsWith("audit transport=tls peer=192.0.2.7:40112 tls=CN%3Dbackup%2CO%3DExample%20Inc start=");
        assertThat(new SessionAudit(new Peer("tcp", "192.0.2.7:40112")).line(SessionAudit.End.CLOSE, 0, null))
                .doesNotContain("tls=");
    }

    @Test
    void endsAreTold() throws Exception {
        try (Client c = new Client(SessionOptions.defaults().withIdleTimeout(Duration.ofMillis(300)))) {
            assertThat(c.exchange("O/dev/fake\n2\n", 3)).isEqualTo("A0\n");
            assertThat(c.in.read()).as("closed for silence").isEqualTo(-1);
        }
        try (Client c = new Client(SessionOptions.defaults())) {
            assertThat(c.exchange("O/dev/fake\n2\n", 3)).isEqualTo("A0\n");
        }
        try (Client c = new Client(SessionOptions.defaults())) {
            assertThat(c.exchange("X\n", 20)).isEqualTo("E22\nGarbage command\n");
        }
        try (Client c = new Client(SessionOptions.defaults())) {
            c.out.write("O/dev/fake\n2\nW9\nabc".getBytes(ISO_8859_1));
        }
        assertThat(audit).hasSize(4);
        assertThat(audit.get(0)).contains(" opened=/dev/fake:rw ").endsWith(" end=idle");
        assertThat(audit.get(1)).endsWith(" end=eof");
        assertThat(audit.get(2)).contains(" opened=- ").endsWith(" end=error errno=22 reason=Garbage%20command");
        assertThat(audit.get(3)).contains(" end=error errno=5 reason=end%20of%20input%20after%203%20of%209");
    }

    @Test
    void aHostileDeviceNameCannotForgeAuditFields() throws Exception {
        try (Client c = new Client(SessionOptions.defaults())) {
            c.exchange("O/x end=close\u001b[2J,y\n0\n", 29);
        }
        assertThat(audit).singleElement().asString()
                .contains(" refused=/x%20end%3Dclose%1B[2J%2Cy:E2 ")
                .doesNotContain("\u001b");
    }
}
