package org.rmt411.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Builds a tree with every tar feature that matters and compares two trees entry by entry. */
public final class Trees {
    private static final FileTime PAST = FileTime.fromMillis(1_500_000_000_000L);

    private Trees() {
    }

    /**
     * Long names (over 100 and over 255 bytes in total), a symlink, a hard link, an empty folder,
     * unusual modes and fixed mtimes.
     */
    public static Path build(Path root) throws IOException {
        Files.createDirectories(root);
        Path deep = Files.createDirectories(root.resolve("a-rather-long-folder-name-" + "x".repeat(60))
                .resolve("and-another-one-" + "y".repeat(70)));
        Files.writeString(deep.resolve("file-with-a-long-name-" + "z".repeat(80) + ".txt"), "deep\n");
        Files.writeString(root.resolve("plain.txt"), "plain text\n");
        Files.write(root.resolve("binary.bin"), bytes(123_457));
        Files.createDirectories(root.resolve("empty"));
        Files.createSymbolicLink(root.resolve("link-to-plain"), root.getFileSystem().getPath("plain.txt"));
        Files.createSymbolicLink(root.resolve("dangling"), root.getFileSystem().getPath("no/such/target"));
        Files.createLink(root.resolve("hard-to-plain"), root.resolve("plain.txt"));
        Path secret = Files.writeString(root.resolve("secret"), "s");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Path script = Files.writeString(root.resolve("script.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        Files.setPosixFilePermissions(root.resolve("empty"), PosixFilePermissions.fromString("rwx--x---"));
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setLastModifiedTime(p, PAST);
                }
            }
        }
        return root;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + (i >> 8));
        }
        return b;
    }

    /** Asserts that {@code actual} has the same entries, kinds, contents, modes, mtimes and links. */
    public static void assertSame(Path expected, Path actual) throws IOException {
        List<String> want = listing(expected);
        assertThat(listing(actual)).containsExactlyElementsOf(want);
        for (String entry : want) {
            String rel = entry.substring(2);
            Path e = expected.resolve(rel);
            Path a = actual.resolve(rel);
            if (Files.isSymbolicLink(e)) {
                assertThat(Files.readSymbolicLink(a)).as(rel).isEqualTo(Files.readSymbolicLink(e));
                continue;
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(a, LinkOption.NOFOLLOW_LINKS)))
                    .as(rel).isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(e)));
            assertThat(Files.getLastModifiedTime(a).toMillis() / 1000).as(rel)
                    .isEqualTo(Files.getLastModifiedTime(e).toMillis() / 1000);
            if (Files.isRegularFile(e)) {
                assertThat(Files.readAllBytes(a)).as(rel).isEqualTo(Files.readAllBytes(e));
            }
        }
        assertThat(Files.isSameFile(actual.resolve("hard-to-plain"), actual.resolve("plain.txt"))).isTrue();
    }

    private static List<String> listing(Path root) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(p -> !p.equals(root)).forEach(p -> names.add(kind(p) + " " + root.relativize(p)));
        }
        names.sort((x, y) -> x.substring(2).compareTo(y.substring(2)));
        assertThat(names).isNotEmpty();
        return names;
    }

    private static char kind(Path p) {
        return Files.isSymbolicLink(p) ? 'l' : Files.isDirectory(p) ? 'd' : 'f';
    }
}
