package org.rmt411.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rmt411.client.InProcessServer;

/** backup, list and restore with GNU tar's options, each compared with what GNU tar does. */
class TarHabitsTest {
    @TempDir
    Path work;
    private Path tapes;
    private Path src;
    private InProcessServer server;

    @BeforeEach
    void start() throws Exception {
        tapes = Files.createDirectories(work.resolve("tapes"));
        server = InProcessServer.serve(tapes);
        src = Files.createDirectories(work.resolve("src"));
        for (String file : List.of("dir1/a.c", "dir2/b.h", "top.c", "skip/me.o", "d*r/star")) {
            Files.createDirectories(src.resolve(file).getParent());
            Files.writeString(src.resolve(file), file + "\n");
        }
        Files.createSymbolicLink(src.resolve("link-to-top"), Path.of("top.c"));
        Files.createSymbolicLink(src.resolve("link-to-dir1"), Path.of("dir1"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private Cli client(String command, String archive, String... rest) {
        List<String> args = new ArrayList<>(List.of(command, "-f", "127.0.0.1:/" + archive, "--port",
                String.valueOf(server.port()), "-C".equals(command) ? "" : "--blocking-factor=20"));
        args.addAll(List.of(rest));
        return Cli.run(args.toArray(String[]::new));
    }

    /** Runs GNU tar in {@code work}; returns its stdout. */
    private String gnu(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tar"));
        command.addAll(List.of(args));
        Process tar = new ProcessBuilder(command).directory(work.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void aUsageErrorIsOneLineAndAHint() {
        Cli bad = Cli.run("backup", "--frob");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).isEqualTo("rmt-client: unknown option '--frob'\n"
                + "Try 'rmt-client backup --help' for more information.\n");
        assertThat(Cli.run("list", "-h").err()).startsWith("rmt-client: unknown option '-h'\n");
        assertThat(Cli.run("backup", "--help").out()).contains("--dereference", "--files-from", "--totals");
    }

    @Test
    void connectionErrorsNameHostAndPort() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Cli list = Cli.run("list", "-f", "127.0.0.1:/a.tar", "--port", String.valueOf(closed));
        assertThat(list.code()).isEqualTo(ExitCode.REMOTE_ERROR.code());
        assertThat(list.err()).isEqualTo("rmt-client: cannot connect to 127.0.0.1:" + closed + ": Connection refused\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-h"})
    void verboseNamesAndMembersMatchGnuTar(String dereference) throws Exception {
        List<String> ours = new ArrayList<>(List.of("-v", "-q", "--exclude", "*.o", src.toString()));
        List<String> theirs = new ArrayList<>(List.of("--sort=name", "-cvf", "g.tar", "--exclude", "*.o", src.toString()));
        if (!dereference.isEmpty()) {
            ours.add(0, dereference);
            theirs.add(0, dereference);
        }
        Cli backup = client("backup", "c.tar", ours.toArray(String[]::new));
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).isEqualTo(gnu(theirs.toArray(String[]::new)));
        assertThat(gnu("-tvf", "tapes/c.tar")).isEqualTo(gnu("-tvf", "g.tar"));
    }

    @Test
    void oneFileSystemStopsAtMountPointsAsGnuTar() throws Exception {
        Path dev = Path.of("/dev");
        Path pts = Path.of("/dev/pts");
        assumeTrue(Files.isDirectory(pts) && !Files.getAttribute(dev, "unix:dev").equals(Files.getAttribute(pts, "unix:dev")),
                "/dev/pts is a mount point here");
        Cli backup = client("backup", "o.tar", "-q", "-v", "--one-file-system", "/dev");
        assertThat(backup.err()).contains("rmt-client: /dev/pts/: file is on a different filesystem; not dumped");
        // GNU tar archives device nodes, which we skip: compare the folders.
        assertThat(folders(backup.out())).isEqualTo(folders(gnu("--one-file-system", "-cvf", "/dev/null", "/dev")))
                .contains("/dev/pts/");
    }

    @Test
    void dereferenceStopsAtALoop() throws Exception {
        Files.createSymbolicLink(src.resolve("dir1/up"), Path.of(".."));
        Cli backup = client("backup", "l.tar", "-q", "-h", src.toString());
        assertThat(backup.code()).isEqualTo(ExitCode.DIFFERENCES.code());
        assertThat(backup.err()).contains(src.resolve("dir1/up") + ": file system loop");
        assertThat(gnu("-tf", "tapes/l.tar")).contains("src/dir1/a.c");
    }

    private static List<String> folders(String verbose) {
        return verbose.lines().filter(line -> line.endsWith("/")).sorted().toList();
    }

    @Test
    void namesAndExclusionsFromFiles() throws Exception {
        Path names = Files.writeString(work.resolve("names"), src.resolve("dir1") + "\n\n" + src.resolve("skip") + "\n");
        Path patterns = Files.writeString(work.resolve("patterns"), "*.o\n");
        Cli backup = client("backup", "t.tar", "-q", "-T", names.toString(), "-X", patterns.toString(),
                src.resolve("top.c").toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        // GNU tar's -X acts on the names after it: it goes first there.
        gnu("-cf", "g.tar", "-X", patterns.toString(), "-T", names.toString(), src.resolve("top.c").toString());
        assertThat(gnu("-tf", "tapes/t.tar")).isEqualTo(gnu("-tf", "g.tar")).contains("dir1/a.c").doesNotContain("me.o");
        assertThat(Cli.run("backup", "-f", "h:/x", "-T", work.resolve("nothing").toString()).err())
                .contains("nothing");
    }

    @Test
    void totalsAsGnuTarPrintsThem() {
        Cli backup = client("backup", "n.tar", "-q", "--totals", src.toString());
        assertThat(backup.err()).containsPattern("(?m)^Total bytes written: 10240 \\(10KiB, [0-9.]+[KMG]?i?B/s\\)$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/dir1", "src/dir1/", "src/*.c|--wildcards", "*.c|--wildcards", "src/d?r*|--wildcards",
        "src/d*r|--no-wildcards", "dir1|--wildcards", "src/dir1 src/dir1/a.c", "nothere", "src/d\\*r|--wildcards"})
    void listSelectsAsGnuTar(String spec) throws Exception {
        gnu("--sort=name", "-cf", "tapes/g.tar", "-C", work.toString(), "src");
        String[] parts = spec.split("\\|");
        List<String> args = new ArrayList<>(List.of(parts[0].split(" ")));
        if (parts.length > 1) {
            args.add(0, parts[1]);
        }
        Cli list = client("list", "g.tar", args.toArray(String[]::new));
        List<String> gnuArgs = new ArrayList<>(List.of("-tf", "tapes/g.tar"));
        gnuArgs.addAll(args);
        assertThat(list.out()).isEqualTo(gnu(gnuArgs.toArray(String[]::new)));
        boolean gnuFailed = new ProcessBuilder(cat("tar", gnuArgs)).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() != 0;
        assertThat(list.code() != 0).as(list.err()).isEqualTo(gnuFailed);
    }

    @Test
    void restoreSelectsWithWildcards() throws Exception {
        gnu("-cf", "tapes/g.tar", "-C", work.toString(), "src");
        Path out = work.resolve("out");
        Cli restore = client("restore", "g.tar", "-C", out.toString(), "--wildcards", "*.h", "src/top.?");
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(out.resolve("src/dir2/b.h")).hasContent("dir2/b.h");
        assertThat(out.resolve("src/top.c")).exists();
        assertThat(Files.exists(out.resolve("src/dir1/a.c"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    private static List<String> cat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
