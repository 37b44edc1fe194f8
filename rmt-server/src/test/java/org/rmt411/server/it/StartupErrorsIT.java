package org.rmt411.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up and usage errors of the shipped jar as a process: exactly one line on stderr naming
 * the thing and the operating system's reason, no stack trace, exit 1 (runtime) or 2 (usage).
 */
@Timeout(120)
class StartupErrorsIT {
    @TempDir
    Path dir;

    private Cmd.Result server(List<String> prefix, String... args) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(ServerProcess.javaCommand());
        command.addAll(List.of(args));
        return Cmd.run(dir, java.util.Map.of(), command.toArray(String[]::new));
    }

    private void fails(int exit, String line, String... args) throws Exception {
        fails(List.of(), exit, line, args);
    }

    private void fails(List<String> prefix, int exit, String line, String... args) throws Exception {
        Cmd.Result r = server(prefix, args);
        assertThat(r.stderr()).as(String.join(" ", args)).isEqualTo(line + "\n");
        assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(exit);
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void usageErrorsExitTwoWithOneLine() throws Exception {
        fails(2, "rmt-server: --seek-order sideways: expected auto, offset-first or whence-first",
                "--stdio", "--seek-order", "sideways");
        fails(2, "rmt-server: --root: the folder name is empty", "--root=", "--stdio");
        fails(2, "rmt-server: --port x: expected a whole number", "--port", "x");
        fails(2, "rmt-server: --port 70000: expected 0 to 65535", "--port", "70000");
        fails(2, "rmt-server: --max-sessions 0: expected at least 1", "--max-sessions", "0");
        fails(2, "rmt-server: --drives 0: expected 1 to 1000", "--drives", "0", "--stdio");
        fails(2, "rmt-server: --capacity lots: expected a size such as 1048576, 64K, 512M or 8G",
                "--capacity", "lots");
        fails(2, "rmt-server: --log loud: expected auto, stderr, journal, file or none", "--log", "loud");
        fails(2, "rmt-server: --log-file x.log: conflicts with --log none", "--log", "none", "--log-file", "x.log");
        fails(2, "rmt-server: --stdio and --inetd exclude each other", "--stdio", "--inetd");
        fails(2, "rmt-server: --tls-cert needs --tls-key", "--tls-cert", "cert.pem");
        fails(2, "rmt-server: --tls-client-ca needs --tls-cert and --tls-key", "--tls-client-ca", "ca.pem");
        fails(2, "rmt-server: --tls-cert applies to TCP listeners, not --stdio (the remote shell is the secure"
                + " channel there)", "--stdio", "--tls-cert", "c.pem", "--tls-key", "k.pem");
    }

    @Test
    void unusableTlsFilesExitOneNamingTheFile() throws Exception {
        org.rmt411.protocol.tls.TestPki pki = org.rmt411.protocol.tls.TestPki.create(
                Files.createDirectories(dir.resolve("pki")));
        String root = dir.resolve("r").toString();
        fails(1, "rmt-server: " + dir.resolve("none.pem") + ": No such file or directory", "--port", "0", "--root",
                root, "--tls-cert", dir.resolve("none.pem").toString(), "--tls-key", pki.key("server").toString());
        fails(1, "rmt-server: " + pki.key("client") + ": this private key does not belong to the first certificate in "
                + pki.cert("server") + " (CN=localhost)", "--port", "0", "--root", root,
                "--tls-cert", pki.cert("server").toString(), "--tls-key", pki.key("client").toString());
        fails(1, "rmt-server: " + pki.cert("server") + ": no PEM private key in it (expected -----BEGIN PRIVATE KEY-----,"
                + " RSA PRIVATE KEY or EC PRIVATE KEY)", "--port", "0", "--root", root,
                "--tls-cert", pki.cert("server").toString(), "--tls-key", pki.cert("server").toString());
    }

    @Test
    void runtimeErrorsExitOneNamingTheReason() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        fails(1, "rmt-server: --root " + file + ": Not a directory", "--stdio", "--root", file.toString());
        fails(1, "rmt-server: --root " + file + "/sub: Not a directory", "--stdio", "--root", file + "/sub");
        fails(1, "rmt-server: --bind nosuchhost.invalid: unknown host", "--port", "0", "--bind", "nosuchhost.invalid",
                "--root", dir.resolve("r").toString());
        fails(1, "rmt-server: --log-file " + file + "/rmt.log: Not a directory", "--stdio", "--log-file",
                file + "/rmt.log");
    }

    @Test
    void withALogFileStartUpErrorsReachBothTheTerminalAndTheLog() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        Path log = dir.resolve("rmt411.log");
        fails(1, "rmt-server: --root " + file + ": Not a directory", "--stdio", "--log-file", log.toString(),
                "--root", file.toString());
        assertThat(Files.readString(log)).endsWith(" rmt-server SEVERE: --root " + file + ": Not a directory\n");
    }

    @Test
    void unusableRootSaysPermissionDenied() throws Exception {
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        // root ignores permissions: run the server as nobody then, as a service user would be.
        List<String> asUser = new com.sun.security.auth.module.UnixSystem().getUid() == 0
                ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups") : List.of();
        try {
            Path root = locked.resolve("tapes");
            fails(asUser, 1, "rmt-server: --root " + root + ": Permission denied", "--stdio", "--root",
                    root.toString());
            fails(asUser, 1, "rmt-server: --root " + locked + ": Permission denied", "--stdio", "--root",
                    locked.toString());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void portInUseSaysSoInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            fails(1, "rmt-server: cannot listen on TCP port " + port + ": the address is already in use."
                    + " Another rmt server may be running; choose another port with --port.",
                    "--port", String.valueOf(port), "--bind", "127.0.0.1", "--root", dir.resolve("r").toString());
        }
    }
}
