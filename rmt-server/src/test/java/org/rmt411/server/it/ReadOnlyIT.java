package org.rmt411.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --read-only} changes nothing on disk: the whole root (every folder, every file's size,
 * modification time and content) is fingerprinted before and after GNU tar and GNU mt work
 * through a read-only server, over a remote shell (one process per command) and over TCP (one
 * process for all).
 */
@Timeout(300)
class ReadOnlyIT {
    @TempDir
    Path work;
    Path root;
    Path rsh;
    Path data;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(work.resolve("root"));
        rsh = Cmd.fakeRsh(work);
        data = Files.createDirectories(work.resolve("data"));
        Files.writeString(data.resolve("a"), "first archive\n");
        Files.writeString(data.resolve("b"), "second archive\n");
    }

    private Map<String, String> stdio(String... extra) {
        List<String> args = new ArrayList<>(List.of("--stdio", "--root", root.toString()));
        args.addAll(List.of(extra));
        return Map.of("RMT411_SERVER_CMD", ServerProcess.shellCommand(args.toArray(String[]::new)));
    }

    private static Map<String, String> tcp(ServerProcess server) {
        return Map.of("RMT411_BRIDGE_PORT", String.valueOf(server.port()));
    }

    private Cmd.Result tar(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tar", "--rsh-command=" + rsh));
        command.addAll(List.of(args));
        return Cmd.run(work, env, command.toArray(String[]::new));
    }

    private Cmd.Result mt(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mt-gnu", "--rsh-command=" + rsh, "-f", "localhost:/dev/nst0"));
        command.addAll(List.of(args));
        return Cmd.run(work, env, command.toArray(String[]::new));
    }

    /** Two archives on VT0001 by a writable server, the drive rewound. */
    private void twoArchives() throws IOException, InterruptedException {
        tar(stdio(), "-C", data.toString(), "-cf", "localhost:/dev/nst0", "a").ok();
        tar(stdio(), "-C", data.toString(), "-cf", "localhost:/dev/nst0", "b").ok();
        mt(stdio(), "rewind").ok();
    }

    /*
     * mt status is run but not asserted: GNU mt 2.13 (cpio's rtapelib) refuses any S reply
     * longer than 8 bytes, so it fails against every server that sends Linux's struct mtget.
     */

    private static String list(Cmd.Result r) {
        return r.ok().stdout();
    }

    @Test
    void tarAndMtOverARemoteShellAndOverTcpChangeNothing() throws Exception {
        twoArchives();
        String before = Trees.fingerprint(root);
        Map<String, String> ro = stdio("--read-only");
        mt(ro, "status"); // its answer is the status helpers' business; here it must only change nothing
        assertThat(list(tar(ro, "-tf", "localhost:/dev/nst0"))).isEqualTo("a\n");
        mt(ro, "fsf", "1").ok();
        // Each ssh-started read-only server starts where the last writable one left the drive.
        assertThat(list(tar(ro, "-tf", "localhost:/dev/nst0"))).isEqualTo("a\n");
        Cmd.Result write = tar(ro, "-C", data.toString(), "-cf", "localhost:/dev/nst0", "a");
        assertThat(write.exit()).isNotZero();
        assertThat(write.stderr()).contains("Read-only file system");
        try (ServerProcess server = ServerProcess.tcp(root, "--read-only")) {
            Map<String, String> net = tcp(server);
            mt(net, "fsf", "1").ok();
            // One server process remembers the position between sessions, in memory.
            assertThat(list(tar(net, "-tf", "localhost:/dev/nst0"))).isEqualTo("b\n");
            mt(net, "rewind").ok();
            mt(net, "status");
            assertThat(list(tar(net, "-tf", "localhost:/dev/nst0"))).isEqualTo("a\n");
            assertThat(tar(net, "-C", data.toString(), "-cf", "localhost:/dev/nst0", "a").exit()).isNotZero();
            assertThat(server.terminate()).isZero();
        }
        assertThat(Trees.fingerprint(root)).isEqualTo(before);
    }

    @Test
    void aBrandNewRootHasNoMediumAndStaysEmpty() throws Exception {
        String before = Trees.fingerprint(root);
        Cmd.Result status = mt(stdio("--read-only"), "status");
        assertThat(status.exit()).isNotZero();
        assertThat(status.stderr()).contains("No medium found");
        assertThat(tar(stdio("--read-only"), "-tf", "localhost:/dev/nst0").exit()).isNotZero();
        try (ServerProcess server = ServerProcess.tcp(root, "--read-only")) {
            assertThat(mt(tcp(server), "status").stderr()).contains("No medium found");
            assertThat(server.terminate()).isZero();
        }
        assertThat(Trees.fingerprint(root)).isEqualTo(before);
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aMissingRootIsRefusedNotCreated() throws Exception {
        Path missing = work.resolve("nope");
        List<String> command = new ArrayList<>(ServerProcess.javaCommand());
        command.addAll(List.of("--read-only", "--root", missing.toString(), "--port", "0", "--bind", "127.0.0.1"));
        Cmd.Result r = Cmd.run(work, Map.of(), command.toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("rmt-server: --root " + missing + ": no such folder (--read-only creates nothing)\n");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aTornImageIsReadAsFarAsItIsWholeAndRepairedOnlyByAWritableStart() throws Exception {
        twoArchives();
        Path image = root.resolve("library/VT0001.tap");
        long whole = Files.size(image);
        Files.write(image, new byte[] {0, 40, 0, 0, 1, 2, 3}, StandardOpenOption.APPEND); // a record cut short
        String before = Trees.fingerprint(root);
        assertThat(list(tar(stdio("--read-only"), "-tf", "localhost:/dev/nst0"))).isEqualTo("a\n");
        try (ServerProcess server = ServerProcess.tcp(root, "--read-only")) {
            mt(tcp(server), "fsf", "1").ok();
            assertThat(list(tar(tcp(server), "-tf", "localhost:/dev/nst0"))).isEqualTo("b\n");
            mt(tcp(server), "eom").ok();
            assertThat(server.terminate()).isZero();
        }
        assertThat(Trees.fingerprint(root)).isEqualTo(before);
        mt(stdio(), "rewind").ok();
        assertThat(Files.size(image)).as("cut by the writable start").isEqualTo(whole);
    }

    @Test
    void theAutoloaderWithAnEmptyMagazineLeavesTheDriveEmpty() throws Exception {
        tar(stdio(), "-C", data.toString(), "-cf", "localhost:/dev/nst0", "a").ok();
        String before = Trees.fingerprint(root);
        try (ServerProcess server = ServerProcess.tcp(root, "--read-only")) {
            mt(tcp(server), "offline").ok();
            Cmd.Result status = mt(tcp(server), "status");
            assertThat(status.exit()).isNotZero();
            assertThat(status.stderr()).contains("No medium found");
            assertThat(server.terminate()).isZero();
        }
        assertThat(Trees.fingerprint(root)).isEqualTo(before);
        assertThat(root.resolve("library/VT0002.tap")).doesNotExist();
    }

    @Test
    void aRootNobodyCanWriteToIsServed() throws Exception {
        twoArchives();
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.toList();
        }
        for (Path p : all) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"));
        }
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        String before = Trees.fingerprint(root);
        // Root may write anywhere, so as root the server runs as nobody, for whom nothing here is writable.
        String asNobody = ProcessHandle.current().info().user().orElse("").equals("root")
                ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
        Map<String, String> ro = Map.of("RMT411_SERVER_CMD", asNobody
                + ServerProcess.shellCommand("--stdio", "--read-only", "--root", root.toString()));
        try {
            assertThat(Cmd.run(work, Map.of(), "sh", "-c", asNobody + "touch " + root.resolve("library/probe")).exit())
                    .as("the premise: the server's user cannot write here").isNotZero();
            assertThat(list(tar(ro, "-tf", "localhost:/dev/nst0"))).isEqualTo("a\n");
            mt(ro, "fsf", "1").ok();
            mt(ro, "status");
        } finally {
            for (Path p : all) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        assertThat(Trees.fingerprint(root)).isEqualTo(before);
    }
}
