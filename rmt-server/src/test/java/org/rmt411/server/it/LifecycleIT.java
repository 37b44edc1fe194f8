package org.rmt411.server.it;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server process: SIGTERM, stdio hygiene, and sockets inherited from inetd and systemd. */
@Timeout(120)
class LifecycleIT {
    @TempDir
    Path root;

    private static String exchange(Socket s, String request, int replyLength) throws IOException {
        s.setSoTimeout(20_000);
        s.getOutputStream().write(request.getBytes(ISO_8859_1));
        return new String(s.getInputStream().readNBytes(replyLength), ISO_8859_1);
    }

    @Test
    void sigtermClosesDevicesAndExitsZero() throws Exception {
        try (ServerProcess server = ServerProcess.tcp(root);
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            assertThat(exchange(s, "O/t\n577\nW4\nsafe", 6)).isEqualTo("A0\nA4\n");
            assertThat(server.terminate()).as(server.stderr()).isZero();
            assertThat(s.getInputStream().read()).isEqualTo(-1);
            assertThat(server.stderr()).contains("terminated");
        }
        assertThat(Files.readString(root.resolve("t"))).isEqualTo("safe");
    }

    @Test
    void stdioKeepsStdoutForProtocolBytesAndTracesToStderr() throws Exception {
        List<String> command = new ArrayList<>(ServerProcess.javaCommand());
        command.addAll(List.of("--stdio", "--trace", "--root", root.toString()));
        Path err = root.resolveSibling(root.getFileName() + ".err");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        p.getOutputStream().write("O/f\n578\nW3\nabcL0\n0\nR3\nC\n".getBytes(ISO_8859_1));
        p.getOutputStream().close();
        assertThat(new String(p.getInputStream().readAllBytes(), ISO_8859_1)).isEqualTo("A0\nA3\nA0\nA3\nabcA0\n");
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        String trace = Files.readString(err);
        assertThat(trace).contains("W 3", "-> A3", "R 3", "C").doesNotContain("abc");
    }

    @Test
    void sigtermEndsAStdioSessionAndTheWrittenTapeGetsItsFilemark() throws Exception {
        // systemctl stop, or ssh's sshd going away, sends SIGTERM to a stdio server mid-backup.
        Path log = root.resolveSibling(root.getFileName() + ".log");
        List<String> command = new ArrayList<>(ServerProcess.javaCommand());
        command.addAll(List.of("--stdio", "--root", root.toString(), "--log-file", log.toString()));
        Process p = new ProcessBuilder(command).start();
        try {
            p.getOutputStream().write("O/dev/nst0\n2\nW5\nfirst".getBytes(ISO_8859_1));
            p.getOutputStream().flush();
            assertThat(new String(p.getInputStream().readNBytes(6), ISO_8859_1)).isEqualTo("A0\nA5\n");
            // SIGTERM through the handle: Process.destroy() also closes our end of its stdin at
            // once, and a server that reads that end of input first ends its session as eof.
            p.toHandle().destroy();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("stopped as asked, not killed").isZero();
        } finally {
            p.destroyForcibly().waitFor();
        }
        String logged = Files.readString(log);
        assertThat(logged).contains("end=shutdown", "filemarks=1", "terminated, all devices closed");
        // The record, then the filemark st's close writes after a write: 5 + pad + lengths, then 0.
        byte[] image = Files.readAllBytes(root.resolve("library").resolve("VT0001.tap"));
        assertThat(image).hasSize(4 + 5 + 1 + 4 + 4);
        assertThat(java.util.Arrays.copyOfRange(image, 14, 18)).containsExactly(0, 0, 0, 0);
    }

    @Test
    void inetdConnectedSocket() throws Exception {
        // socat's nofork hands the accepted TCP socket itself to the program as stdin/stdout,
        // exactly what inetd "nowait" and systemd Accept=yes do.
        String exec = ServerProcess.shellCommand("--inetd", "--root", root.toString());
        Process socat = new ProcessBuilder("socat", "-d", "-d", "TCP-LISTEN:0,bind=127.0.0.1",
                "EXEC:" + exec.replace("'", "") + ",nofork").start();
        try {
            int port = awaitPort(socat.getErrorStream(), Pattern.compile("listening on .*:(\\d+)"));
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThat(exchange(s, "O/i\n577\nW2\nokC\n", 9)).isEqualTo("A0\nA2\nA0\n");
                s.shutdownOutput();
                assertThat(s.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(socat.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            socat.destroyForcibly().waitFor();
        }
        assertThat(Files.readString(root.resolve("i"))).isEqualTo("ok");
    }

    @Test
    void inetdConnectedSocketOutsideAllowIsClosedUnanswered() throws Exception {
        String exec = ServerProcess.shellCommand("--inetd", "--root", root.toString(), "--allow", "192.0.2.0/24");
        Process socat = new ProcessBuilder("socat", "-d", "-d", "TCP-LISTEN:0,bind=127.0.0.1",
                "EXEC:" + exec.replace("'", "") + ",nofork").start();
        try {
            int port = awaitPort(socat.getErrorStream(), Pattern.compile("listening on .*:(\\d+)"));
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.getOutputStream().write("O/refused\n577\nW2\nokC\n".getBytes(ISO_8859_1));
                byte[] reply;
                try {
                    reply = s.getInputStream().readAllBytes();
                } catch (java.net.SocketException e) {
                    reply = new byte[0]; // closed with our request unread: a reset, still no answer
                }
                assertThat(reply).isEmpty();
            }
            assertThat(socat.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            socat.destroyForcibly().waitFor();
        }
        assertThat(root.resolve("refused")).doesNotExist();
    }

    @Test
    void systemdListeningSocket() throws Exception {
        // systemd Accept=no with StandardInput=socket: stdin is a listening socket.
        String python = "import socket,os,sys\n"
                + "s=socket.socket(); s.bind(('127.0.0.1',0)); s.listen(8)\n"
                + "print(s.getsockname()[1], flush=True)\n"
                + "os.dup2(s.fileno(),0); s.close()\n"
                + "os.execvp(sys.argv[1], sys.argv[1:])\n";
        List<String> command = new ArrayList<>(List.of("python3", "-c", python));
        command.addAll(ServerProcess.javaCommand());
        command.addAll(List.of("--inetd", "--root", root.toString()));
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            int port = awaitPort(server.getInputStream(), Pattern.compile("^(\\d+)$"));
            for (String name : List.of("a", "b")) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    assertThat(exchange(s, "O/" + name + "\n577\nW1\nxC\n", 9)).isEqualTo("A0\nA1\nA0\n");
                }
            }
            server.destroy();
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).isZero();
        } finally {
            server.destroyForcibly().waitFor();
        }
        assertThat(Files.readString(root.resolve("b"))).isEqualTo("x");
    }

    private static int awaitPort(InputStream stream, Pattern pattern) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(stream, ISO_8859_1));
        String line;
        while ((line = r.readLine()) != null) {
            Matcher m = pattern.matcher(line.trim());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IOException("no port announced");
    }
}
