package org.rmt411.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.client.InProcessServer;

class ProbeCommandTest {
    @TempDir
    Path root;

    @Test
    void rmtServerIsRecognised() throws Exception {
        try (InProcessServer server = InProcessServer.serve(root)) {
            Cli probe = Cli.run("probe", "127.0.0.1:" + server.port(), "--greeting-wait", "300");
            assertThat(probe.code()).as(probe.out() + probe.err()).isZero();
            assertThat(probe.out()).contains("an rmt server", "E9 Bad file descriptor");
        }
    }

    @Test
    void directConnectHubIsRecognised() throws Exception {
        try (ServerSocket hub = greeter("$Lock EXTENDEDPROTOCOL_test Pk=test|")) {
            Cli probe = Cli.run("probe", "127.0.0.1:" + hub.getLocalPort());
            assertThat(probe.code()).isEqualTo(10);
            assertThat(probe.out()).contains("Direct Connect hub", "$Lock EXTENDEDPROTOCOL_test");
        }
    }

    @Test
    void somethingElseIsSaidSo() throws Exception {
        try (ServerSocket smtp = greeter("220 mail.example ESMTP\r\n")) {
            Cli probe = Cli.run("probe", "127.0.0.1:" + smtp.getLocalPort());
            assertThat(probe.code()).isEqualTo(11);
            assertThat(probe.out()).contains("something else", "220 mail.example");
        }
    }

    @Test
    void closedPortMeansNothing() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Cli probe = Cli.run("probe", "127.0.0.1:" + port);
        assertThat(probe.code()).isEqualTo(12);
        assertThat(probe.out()).contains("no connection");
    }

    @Test
    void badTargetIsAUsageError() {
        assertThat(Cli.run("probe", "127.0.0.1:notaport").code()).isEqualTo(ExitCode.USAGE.code());
    }

    /** A server that greets every connection with {@code text} and then waits. */
    private static ServerSocket greeter(String text) throws IOException {
        ServerSocket listener = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().flush();
                    s.getInputStream().read();
                } catch (IOException e) {
                    // closed
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return listener;
    }
}
