package org.rmt411.server.transport;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.protocol.tls.TlsContexts;
import org.rmt411.server.session.Peer;
import org.rmt411.protocol.tls.TestPki;

/** Who gets through a TLS listener: mutual TLS accepted and refused, plaintext, silence, renegotiation. */
@Timeout(60)
class TlsListenerTest {
    @TempDir
    static Path dir;
    private static TestPki pki;
    private final List<Peer> served = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void certificates() throws Exception {
        pki = TestPki.create(dir);
    }

    /** Sessions that echo their input and note who they served. */
    private TcpServer start(TlsHandshake tls, int maxSessions) throws IOException {
        SessionFactory echo = (in, out, peer) -> () -> {
            served.add(peer);
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            try {
                while (in.read(buffer) >= 0) {
                    buffer.flip();
                    out.write(buffer);
                    buffer.clear();
                }
            } catch (IOException e) {
                // The client went away.
            }
        };
        return TcpServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), echo,
                new CidrSet(CidrSet.LOOPBACK), maxSessions, tls);
    }

    private static TlsHandshake mutual() throws IOException {
        return TlsHandshake.load(pki.cert("server"), pki.key("server"), pki.cert("ca"));
    }

    private static SSLSocket client(TcpServer server, String identity, String... protocols) throws IOException {
        SSLContext context = TlsContexts.context(identity == null ? null
                : TlsContexts.keyManagers(pki.cert(identity), pki.key(identity)), TlsContexts.trustManagers(pki.cert("ca")));
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                server.port());
        socket.setSoTimeout(20_000);
        if (protocols.length > 0) {
            socket.setEnabledProtocols(protocols);
        }
        return socket;
    }

    /** What comes back for {@code text}: the echo, or null when the connection failed or closed. */
    private static String exchange(Socket socket, String text) {
        try {
            socket.getOutputStream().write(text.getBytes(ISO_8859_1));
            socket.getOutputStream().flush();
            byte[] got = socket.getInputStream().readNBytes(text.length());
            return got.length == text.length() ? new String(got, ISO_8859_1) : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Test
    void aClientCertificateFromTheCaIsServedAndNamed() throws IOException {
        try (TcpServer server = start(mutual(), 4); SSLSocket socket = client(server, "client")) {
            assertThat(exchange(socket, "C\n")).isEqualTo("C\n");
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
        assertThat(served).singleElement().satisfies(peer -> {
            assertThat(peer.transport()).isEqualTo("tls");
            assertThat(peer.tlsSubject()).isEqualTo("CN=backup-client,O=rmt411 tests");
        });
    }

    @Test
    void expiredForeignOrMissingClientCertificatesAreRefusedAtTheHandshake() throws IOException {
        try (TcpServer server = start(mutual(), 4)) {
            for (String identity : new String[] {"expired", "stranger", null}) {
                try (SSLSocket socket = client(server, identity)) {
                    assertThat(exchange(socket, "C\n")).as(String.valueOf(identity)).isNull();
                }
            }
        }
        assertThat(served).isEmpty();
    }

    @Test
    void tls12IsAcceptedAndRenegotiationIsNot() throws IOException {
        try (TcpServer server = start(mutual(), 4); SSLSocket socket = client(server, "client", "TLSv1.2")) {
            assertThat(exchange(socket, "a\n")).isEqualTo("a\n");
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
            try {
                socket.startHandshake();
            } catch (IOException refusedAtOnce) {
                return;
            }
            assertThat(exchange(socket, "b\n")).as("echo after a renegotiation").isNull();
        }
    }

    @Test
    void aPlaintextClientGetsNoRmtReply() throws IOException {
        try (TcpServer server = start(mutual(), 4);
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write("O/f\n577\n".getBytes(ISO_8859_1));
            int first;
            try {
                first = socket.getInputStream().read();
            } catch (java.net.SocketException reset) {
                first = -1;
            }
            assertThat(first).as("closed without a byte").isEqualTo(-1);
        }
        assertThat(served).isEmpty();
    }

    @Test
    void aSilentClientLosesItsSlotAtTheHandshakeDeadline() throws IOException {
        try (TcpServer server = start(mutual().withTimeout(Duration.ofMillis(300)), 1);
                Socket silent = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            silent.setSoTimeout(20_000);
            InputStream in = silent.getInputStream();
            assertThat(in.read()).as("closed at the deadline").isEqualTo(-1);
            try (SSLSocket socket = client(server, "client")) {
                assertThat(exchange(socket, "C\n")).isEqualTo("C\n");
            }
        }
    }

    @Test
    void aClientDribblingItsHelloIsCutOffAtTheDeadline() throws Exception {
        try (TcpServer server = start(mutual().withTimeout(Duration.ofMillis(300)), 1);
                Socket slow = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            long start = System.nanoTime();
            java.io.OutputStream out = slow.getOutputStream();
            // A record header announcing a 512-byte handshake, then one byte per 100 ms: every
            // read is quick, the whole never ends.
            out.write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00});
            try {
                for (int i = 0; i < 50; i++) {
                    Thread.sleep(100);
                    out.write(1);
                    out.flush();
                }
            } catch (IOException closed) {
                // The server hung up.
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4500));
            try (SSLSocket socket = client(server, "client")) {
                assertThat(exchange(socket, "C\n")).as("the slot is free again").isEqualTo("C\n");
            }
        }
    }
}
