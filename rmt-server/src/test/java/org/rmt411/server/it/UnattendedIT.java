package org.rmt411.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server started as inetd and systemd start it, each time on a brand-new root, so the first
 * open of /dev/nst0 logs "magazine empty, loaded a blank cartridge": GNU tar writes and lists an
 * archive through each, and that log line goes where the README says, never into the rmt stream
 * (where tar would fail with "Cannot open: Input/output error").
 */
@Timeout(180)
class UnattendedIT {
    private static final String BLANK = "magazine empty, loaded a blank cartridge VT0001";

    @TempDir
    Path dir;
    Path root;
    Path data;

    @BeforeEach
    void tree() throws Exception {
        root = dir.resolve("brand-new-root");
        data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("a"), "alpha\n");
        Files.createDirectories(data.resolve("b"));
        Files.writeString(data.resolve("b/c"), "gamma\n".repeat(5000));
    }

    /** Writes a and b with tar (through /dev/st0: rewinds on close), lists them back exactly. */
    private void backUpAndList(Launcher launcher) throws Exception {
        launcher.tar(dir, "-C", data.toString(), "-cf", "localhost:/dev/st0", "a", "b").ok();
        assertThat(launcher.tar(dir, "-tf", "localhost:/dev/st0").ok().stdout()).isEqualTo("a\nb/\nb/c\n");
        assertThat(root.resolve("library/VT0001.tap")).isNotEmptyFile();
    }

    @Test
    void inetdWithTheSocketOnStderrAndNoLogFileLogsNothingIntoTheStream() throws Exception {
        // auto: fd 2 is a socket, no journald here, so the logs (--trace too) go nowhere.
        try (Launcher inetd = Launcher.inetd(dir, "--inetd", "--trace", "--root", root.toString())) {
            backUpAndList(inetd);
        }
    }

    @Test
    void inetdWithLogFile() throws Exception {
        Path log = dir.resolve("rmt411.log");
        try (Launcher inetd = Launcher.inetd(dir, "--inetd", "--root", root.toString(), "--log-file", log.toString(),
                "--trace")) {
            backUpAndList(inetd);
        }
        // Two server processes appended to the one file, one timestamped line per record.
        assertThat(Files.readAllLines(log)).anyMatch(line -> line.endsWith(BLANK))
                .anyMatch(line -> line.contains("] O /dev/st0"))
                .allMatch(line -> line.matches(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S* rmt-server \\w+: .*"));
    }

    @Test
    void systemdAcceptNoServesTheListeningSocketWithoutAFlag() throws Exception {
        Path log = dir.resolve("rmt411.log");
        try (Launcher systemd = Launcher.socketActivate(dir, List.of(), "--root", root.toString(),
                "--log-file", log.toString())) {
            backUpAndList(systemd);
            assertThat(systemd.terminate()).isZero();
            assertThat(systemd.stderr()).as("--log-file takes every record").doesNotContain(BLANK, "terminated");
        }
        assertThat(Files.readString(log)).contains("listening on the sockets systemd passed (LISTEN_FDS)", BLANK,
                "terminated, all devices closed");
    }

    @Test
    void systemdAcceptNoLogsToStderrUpToTheLastLine() throws Exception {
        // Closing the inherited listener at SIGTERM makes the JDK point fds 0-2 at /dev/null;
        // the lines logged after it must still arrive.
        try (Launcher systemd = Launcher.socketActivate(dir, List.of(), "--root", root.toString())) {
            backUpAndList(systemd);
            assertThat(systemd.terminate()).isZero();
            assertThat(systemd.stderr()).contains(BLANK, "session from 127.0.0.1:",
                    "terminated, all devices closed");
        }
    }

    @Test
    void systemdAcceptNoServesEveryListeningSocketWithOneSessionLimit() throws Exception {
        int second;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            second = probe.getLocalPort();
        }
        try (Launcher systemd = Launcher.socketActivate(dir, List.of("-l", "127.0.0.1:" + second), "--root",
                root.toString(), "--max-sessions", "1")) {
            try (Socket first = new Socket(InetAddress.getLoopbackAddress(), systemd.port)) {
                assertThat(exchange(first, "O/held\n577\n", 3)).isEqualTo("A0\n");
                try (Socket other = new Socket(InetAddress.getLoopbackAddress(), second)) {
                    assertThat(exchange(other, "", 4)).as("one --max-sessions for both sockets").isEqualTo("E16\n");
                }
            }
            // The first session ends when its client has gone; until then the slot is taken.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            String reply;
            do {
                try (Socket other = new Socket(InetAddress.getLoopbackAddress(), second)) {
                    reply = exchange(other, "O/b\n577\nW1\nxC\n", 9);
                }
            } while (reply.startsWith("E16") && System.nanoTime() < deadline);
            assertThat(reply).isEqualTo("A0\nA1\nA0\n");
        }
        assertThat(root.resolve("b")).hasContent("x");
    }

    private static String exchange(Socket socket, String request, int replyLength) throws Exception {
        socket.setSoTimeout(20_000);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        return new String(socket.getInputStream().readNBytes(replyLength), StandardCharsets.US_ASCII);
    }

    @Test
    void withoutTheManifestsAddOpensActivationFailsInOneLineNamingTheWayOut() throws Exception {
        // java -cp ignores the jar's manifest, so sun.nio.ch stays closed.
        String java = ServerProcess.javaCommand().get(0);
        String jar = ServerProcess.javaCommand().get(2);
        try (Launcher systemd = Launcher.socketActivateCommand(dir, List.of(), List.of(java, "-cp", jar,
                "org.rmt411.server.cli.ServerMain", "--root", root.toString()));
                Socket client = new Socket(InetAddress.getLoopbackAddress(), systemd.port)) {
            client.setSoTimeout(20_000);
            int answer;
            try {
                answer = client.getInputStream().read();
            } catch (java.net.SocketException e) {
                answer = -1; // reset: the listener closed with this connection still queued
            }
            assertThat(answer).as("closed unanswered").isEqualTo(-1);
            assertThat(systemd.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(systemd.process.exitValue()).isEqualTo(1);
            assertThat(systemd.stderr()).contains("rmt-server: LISTEN_FDS: cannot adopt the sockets systemd passed:"
                    + " java.base does not open sun.nio.ch to rmt-server; start it with java --add-opens"
                    + " java.base/sun.nio.ch=ALL-UNNAMED, or serve the connection as inetd does:"
                    + " StandardInput=socket and --inetd\n").doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void systemdAcceptYesServesTheConnectedSocketOnFd3() throws Exception {
        Path log = dir.resolve("rmt411.log");
        try (Launcher systemd = Launcher.socketActivate(dir, List.of("--accept"), "--root", root.toString(),
                "--log-file", log.toString())) {
            backUpAndList(systemd);
        }
        assertThat(Files.readString(log)).contains(BLANK);
    }

    @Test
    void systemdAcceptYesAppliesAllow() throws Exception {
        Path log = dir.resolve("rmt411.log");
        try (Launcher systemd = Launcher.socketActivate(dir, List.of("--accept"), "--root", root.toString(),
                "--allow", "192.0.2.0/24", "--log-file", log.toString())) {
            Cmd.Result refused = systemd.tar(dir, "-tf", "localhost:/dev/st0");
            assertThat(refused.exit()).isNotZero();
        }
        assertThat(Files.readString(log)).contains("refused /127.0.0.1:", "not in --allow 192.0.2.0/24");
        assertThat(root.resolve("library")).doesNotExist();
    }

    @Test
    void systemdInetdStyleLogsToItsOrdinaryStderr() throws Exception {
        // --inetd puts the connection on fds 0 and 1 only; stderr stays a file, so auto keeps it.
        try (Launcher systemd = Launcher.socketActivate(dir, List.of("--inetd", "--accept"), "--inetd",
                "--root", root.toString())) {
            backUpAndList(systemd);
            assertThat(systemd.stderr()).contains(BLANK);
        }
    }
}
