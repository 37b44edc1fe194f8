package org.rmt411.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Every device name stays inside the root, whatever the client sends. */
class JailTest {
    private static final String DENIED = "E13\nPermission denied\n";

    @Test
    void leadingSlashIsRelativeToTheRoot() throws IOException {
        try (SessionHarness h = new SessionHarness()) {
            Files.createDirectories(h.root.resolve("backups"));
            assertThat(h.run("O/backups/a.tar\n577\nW2\nokC\n")).isEqualTo("A0\nA2\nA0\n");
            assertThat(h.content("backups/a.tar")).isEqualTo("ok");
            assertThat(h.run("Obackups/a.tar\n0\nR2\n")).isEqualTo("A0\nA2\nok");
            assertThat(h.run("O//backups/./a.tar\n0\nR2\n")).isEqualTo("A0\nA2\nok");
        }
    }

    @Test
    void dotDotCannotLeaveTheRoot() throws IOException {
        try (SessionHarness h = new SessionHarness()) {
            h.file("../outside", "secret");
            h.file("in/x", "x");
            assertThat(h.run("O/../outside\n0\n")).isEqualTo(DENIED);
            assertThat(h.run("O/in/../../outside\n0\n")).isEqualTo(DENIED);
            assertThat(h.run("O/in/../in/x\n0\nR1\n")).isEqualTo("A0\nA1\nx");
            assertThat(h.run("O..\n577\n")).isEqualTo(DENIED);
        }
    }

    @Test
    void symlinksLeadingOutAreRefused() throws IOException {
        try (SessionHarness h = new SessionHarness()) {
            Files.createDirectories(h.root.resolveSibling("elsewhere"));
            h.file("../elsewhere/secret", "s");
            Files.createSymbolicLink(h.root.resolve("out"), h.fs.getPath("/srv/elsewhere"));
            Files.createSymbolicLink(h.root.resolve("file-out"), h.fs.getPath("/srv/elsewhere/secret"));
            Files.createSymbolicLink(h.root.resolve("dangling"), h.fs.getPath("/srv/elsewhere/new"));
            h.file("real/inside", "i");
            Files.createSymbolicLink(h.root.resolve("in-link"), h.root.resolve("real"));
            assertThat(h.run("O/out/secret\n0\n")).isEqualTo(DENIED);
            assertThat(h.run("O/out/new\n577\n")).isEqualTo(DENIED);
            assertThat(h.run("O/file-out\n0\n")).isEqualTo(DENIED);
            assertThat(h.run("O/dangling\n577\n")).isEqualTo(DENIED);
            assertThat(Files.exists(h.fs.getPath("/srv/elsewhere/new"))).isFalse();
            assertThat(h.run("O/in-link/inside\n0\nR1\n")).as("links inside the root work").isEqualTo("A0\nA1\ni");
        }
    }

    @Test
    void nulByteIsRefused() throws IOException {
        try (SessionHarness h = new SessionHarness()) {
            h.file("f", "hello");
            assertThat(h.run("O/f\0/../../etc/passwd\n0\n")).isEqualTo(DENIED);
        }
    }

    @Test
    void longNamesAreCapped() throws IOException {
        try (SessionHarness h = new SessionHarness()) {
            String tooLong = "/" + "a".repeat(5000);
            assertThat(h.run("O" + tooLong + "\n577\nO/ok\n577\n"))
                    .isEqualTo("E36\nFile name too long\nA0\n");
        }
    }

    @Test
    void openFailuresMapToErrno() throws IOException {
        try (SessionHarness h = new SessionHarness()) {
            Files.createDirectories(h.root.resolve("dir"));
            h.file("exists", "e");
            assertThat(h.run("O/missing/parent/f\n577\n")).isEqualTo("E2\nNo such file or directory\n");
            assertThat(h.run("O/missing\n0\n")).isEqualTo("E2\nNo such file or directory\n");
            assertThat(h.run("O/dir\n0\n")).isEqualTo("E21\nIs a directory\n");
            assertThat(h.run("O/\n0\n")).isEqualTo("E21\nIs a directory\n");
            assertThat(h.run("O/exists\nO_WRONLY|O_CREAT|O_EXCL\n")).isEqualTo("E17\nFile exists\n");
            assertThat(h.run("O/x\nO_BOGUS\n")).isEqualTo("E22\ninvalid open mode\n");
        }
    }

    @Test
    void readOnlyServerRefusesEveryWriteOpen() throws IOException {
        try (SessionHarness h = new SessionHarness()) {
            h.file("f", "data");
            h.readOnly();
            String erofs = "E30\nRead-only file system\n";
            assertThat(h.run("O/f\n577 O_WRONLY|O_CREAT|O_TRUNC\n")).isEqualTo(erofs);
            assertThat(h.run("O/f\n2\n")).isEqualTo(erofs);
            assertThat(h.run("O/new\nO_RDONLY|O_CREAT\n")).isEqualTo(erofs);
            assertThat(h.run("O/f\n0 O_RDONLY\nR4\n")).isEqualTo("A0\nA4\ndata");
            assertThat(h.content("f")).isEqualTo("data");
            assertThat(Files.exists(h.root.resolve("new"))).isFalse();
        }
    }

    @Test
    void theTapeLibraryFolderIsNotAPlainFile() throws IOException {
        try (SessionHarness h = new SessionHarness()) {
            h.file("library/VT0001.tap", "image");
            h.reserve("library");
            assertThat(h.run("O/library/VT0001.tap\n577\n")).isEqualTo(DENIED);
            assertThat(h.run("O/x/../library/new\n577\n")).isEqualTo(DENIED);
            assertThat(h.run("O/library\n0\n")).isEqualTo(DENIED);
            assertThat(h.run("O/libraryish\n577\nC\n")).isEqualTo("A0\nA0\n");
            assertThat(h.content("library/VT0001.tap")).isEqualTo("image");
        }
    }
}
