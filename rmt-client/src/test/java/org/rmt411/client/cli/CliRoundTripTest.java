package org.rmt411.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rmt411.client.InProcessServer;

class CliRoundTripTest {
    @TempDir
    Path work;
    private Path root;
    private InProcessServer server;

    @BeforeEach
    void start() throws Exception {
        root = Files.createDirectories(work.resolve("tapes"));
        server = InProcessServer.serve(root);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private String[] target(String path, String... rest) {
        String[] head = {"-f", "127.0.0.1:" + path, "--port", String.valueOf(server.port())};
        String[] all = new String[head.length + rest.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        return all;
    }

    private static String[] cat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void backupListRestoreVerify() throws Exception {
        Path src = Files.createDirectories(work.resolve("src"));
        Files.writeString(src.resolve("hello.txt"), "hello\n");
        Files.createDirectories(src.resolve("empty"));
        Path deep = Files.createDirectories(src.resolve("d".repeat(60)).resolve("e".repeat(60)));
        Files.write(deep.resolve("big.bin"), new byte[300_000]);
        Files.createSymbolicLink(src.resolve("link"), src.getFileSystem().getPath("hello.txt"));
        Files.createLink(src.resolve("hard"), src.resolve("hello.txt"));
        Files.setPosixFilePermissions(src.resolve("hello.txt"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.setLastModifiedTime(src.resolve("hello.txt"), FileTime.fromMillis(1_600_000_000_000L));

        Cli backup = Cli.run(cat(new String[] {"backup"}, cat(target("/a.tar"), "--verify", "-q", src.toString())));
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.err()).contains("verified");
        assertThat(Files.size(root.resolve("a.tar")) % 10240).isZero();

        Cli list = Cli.run(cat(new String[] {"list"}, cat(target("/a.tar"), "-v")));
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("hello.txt", "-rwxr-x---", "-> hello.txt", "link to", "big.bin");

        Path out = work.resolve("out");
        Cli restore = Cli.run(cat(new String[] {"restore"}, cat(target("/a.tar"), "-C", out.toString())));
        assertThat(restore.code()).as(restore.err()).isZero();
        Path back = out.resolve(TarNames.relative(src));
        assertThat(Files.readString(back.resolve("hello.txt"))).isEqualTo("hello\n");
        assertThat(Files.getLastModifiedTime(back.resolve("hello.txt")).toMillis()).isEqualTo(1_600_000_000_000L);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(back.resolve("hello.txt"))))
                .isEqualTo("rwxr-x---");
        assertThat(Files.readSymbolicLink(back.resolve("link")).toString()).isEqualTo("hello.txt");
        assertThat(Files.isSameFile(back.resolve("hard"), back.resolve("hello.txt"))).isTrue();
        assertThat(Files.isDirectory(back.resolve("empty"))).isTrue();
        assertThat(Files.size(back.resolve("d".repeat(60)).resolve("e".repeat(60)).resolve("big.bin")))
                .isEqualTo(300_000);
    }

    @Test
    void gzipAndBlockingFactorRoundTrip() throws Exception {
        Path src = Files.createDirectories(work.resolve("z"));
        Files.writeString(src.resolve("a"), "a".repeat(100_000));
        Cli backup = Cli.run(cat(new String[] {"backup"}, cat(target("/z.tgz"), "-z", "-b", "64", "-W", src.toString())));
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(Files.size(root.resolve("z.tgz")) % (64 * 512)).isZero();
        Cli list = Cli.run(cat(new String[] {"list"}, target("/z.tgz")));
        assertThat(list.out()).contains(TarNames.relative(src) + "/a");
    }

    @Test
    void missingRemoteFileIsARemoteError() {
        Cli list = Cli.run(cat(new String[] {"list"}, target("/nope.tar")));
        assertThat(list.code()).isEqualTo(ExitCode.REMOTE_ERROR.code());
        assertThat(list.err()).isEqualTo("rmt-client: tcp 127.0.0.1:" + server.port()
                + ": open /nope.tar: No such file or directory (remote errno 2)\n");
    }

    @Test
    void usageErrors() {
        assertThat(Cli.run("list", "-f", "notremote").code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(Cli.run("backup", "-f", "h:/x", "/does/not/exist").code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(Cli.run("frobnicate").code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(Cli.run("list", "-f", "h:/a\nb").code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(Cli.run("backup", "-f", "h:/x", "-b", "0", ".").code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(Cli.run("list", "-f", "h:/x", "-b", "4096").code()).isEqualTo(ExitCode.USAGE.code());
        Cli twoCompressions = Cli.run("backup", "-f", "h:/x", "-z", "-J", ".");
        assertThat(twoCompressions.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(twoCompressions.err()).contains("choose one compression");
    }

    @Test
    void excludedMembersAreLeftOut() throws Exception {
        Path src = Files.createDirectories(work.resolve("e"));
        Files.writeString(src.resolve("keep.c"), "c");
        Files.writeString(src.resolve("drop.o"), "o");
        Cli backup = Cli.run(cat(new String[] {"backup"}, cat(target("/e.tar"), "--exclude", "*.o",
                "--exclude=nothing-matches", src.toString())));
        assertThat(backup.code()).as(backup.err()).isZero();
        Cli list = Cli.run(cat(new String[] {"list"}, target("/e.tar")));
        assertThat(list.out()).contains("keep.c").doesNotContain("drop.o");
    }

    @Test
    void xzBackupIsListedWithoutBeingToldTheCompression() throws Exception {
        Path src = Files.createDirectories(work.resolve("j"));
        Files.writeString(src.resolve("b"), "b".repeat(50_000));
        Cli backup = Cli.run(cat(new String[] {"backup"}, cat(target("/j.txz"), "-J", "-W", src.toString())));
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(Files.readAllBytes(root.resolve("j.txz"))).startsWith((byte) 0xfd, (byte) '7', (byte) 'z');
        Cli list = Cli.run(cat(new String[] {"list"}, target("/j.txz")));
        assertThat(list.out()).contains(TarNames.relative(src) + "/b");
    }

    @Test
    void mtOnPlainFileReportsEnotty() throws Exception {
        Files.write(root.resolve("f"), new byte[10]);
        Cli mt = Cli.run(cat(new String[] {"mt"}, cat(target("/f"), "rewind")));
        assertThat(mt.code()).isEqualTo(ExitCode.REMOTE_ERROR.code());
        assertThat(mt.err()).contains("Inappropriate ioctl for device");
    }
}
