package org.rmt411.server.transport;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.server.cli.ServerRuntime;
import org.rmt411.server.session.SessionOptions;

/** Admission control and shutdown of the TCP listener. */
@Timeout(60)
class TcpServerTest {
    @TempDir
    Path root;

    private TcpServer start(List<String> allow, int maxSessions) throws IOException {
        return TcpServer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ServerRuntime.sessions(root, false, SessionOptions.defaults()), new CidrSet(allow), maxSessions);
    }

    private static Socket connect(TcpServer server) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(20_000);
        return socket;
    }

    @Test
    void peersOutsideTheAllowlistAreRefused() throws IOException {
        try (TcpServer server = start(List.of("192.0.2.0/24"), 4); Socket s = connect(server)) {
            s.getOutputStream().write("O/f\n577\n".getBytes(ISO_8859_1));
            int first;
            try {
                first = s.getInputStream().read();
            } catch (java.net.SocketException reset) {
                first = -1; // closed with our request unread: a reset, still no reply
            }
            assertThat(first).as("closed without a reply").isEqualTo(-1);
        }
        assertThat(Files.exists(root.resolve("f"))).isFalse();
    }

    @Test
    void sessionsBeyondTheMaximumAreToldSo() throws IOException {
        try (TcpServer server = start(CidrSet.LOOPBACK, 1); Socket first = connect(server)) {
            first.getOutputStream().write("O/f\n577\n".getBytes(ISO_8859_1));
            assertThat(new String(first.getInputStream().readNBytes(3), ISO_8859_1)).isEqualTo("A0\n");
            try (Socket second = connect(server)) {
                String refusal = new String(second.getInputStream().readAllBytes(), ISO_8859_1);
                assertThat(refusal).startsWith("E16\n").contains("Too many");
            }
        }
    }

    @Test
    void closeEndsSessionsAndClosesTheirDevices() throws IOException {
        TcpServer server = start(CidrSet.LOOPBACK, 4);
        try (Socket s = connect(server)) {
            s.getOutputStream().write("O/f\n577\nW4\ndata".getBytes(ISO_8859_1));
            InputStream in = s.getInputStream();
            assertThat(new String(in.readNBytes(6), ISO_8859_1)).isEqualTo("A0\nA4\n");
            server.close();
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(Files.readString(root.resolve("f"))).isEqualTo("data");
        try (Socket late = new Socket()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                    late.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 2000))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void sessionsRunConcurrently() throws Exception {
        try (TcpServer server = start(CidrSet.LOOPBACK, 16)) {
            java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                for (int i = 0; i < 8; i++) {
                    String name = "c" + i;
                    results.add(pool.submit(() -> {
                        try (Socket s = connect(server)) {
                            StringBuilder request = new StringBuilder("O/" + name + "\n577\n");
                            for (int r = 0; r < 50; r++) {
                                request.append("W4\n").append(String.format("%04d", r));
                            }
                            s.getOutputStream().write(request.append("C\n").toString().getBytes(ISO_8859_1));
                            return new String(s.getInputStream().readNBytes(3 + 50 * 3 + 3), ISO_8859_1);
                        }
                    }));
                }
                for (java.util.concurrent.Future<String> result : results) {
                    assertThat(result.get()).isEqualTo("A0\n" + "A4\n".repeat(50) + "A0\n");
                }
            } finally {
                pool.shutdownNow();
            }
        }
        for (int i = 0; i < 8; i++) {
            assertThat(Files.readString(root.resolve("c" + i))).hasSize(200).startsWith("0000").endsWith("0049");
        }
    }
}
