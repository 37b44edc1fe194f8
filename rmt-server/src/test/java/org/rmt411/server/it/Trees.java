package org.rmt411.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Source trees for backups and a strict comparison of what came back. */
final class Trees {
    private Trees() {
    }

    /** A tree with the shapes archives get wrong: sizes around 512, long names, links, empty folders. */
    static Path sample(Path dir) throws IOException {
        Random random = new Random(411);
        Path src = Files.createDirectories(dir.resolve("src"));
        for (int size : new int[] {0, 1, 511, 512, 513, 10240, 10241, 65536, 300_000}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            Files.write(src.resolve("file-" + size), data);
        }
        Path deep = Files.createDirectories(src.resolve("a/" + "long-folder-name-".repeat(5) + "/b"));
        Files.writeString(deep.resolve("x".repeat(120) + ".txt"), "long name\n");
        Files.createDirectories(src.resolve("empty"));
        Files.createSymbolicLink(src.resolve("link"), Path.of("file-512"));
        Path script = Files.writeString(src.resolve("run.sh"), "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        return src;
    }

    /** Asserts both trees hold the same names, types, contents, link targets and modes. */
    static void assertSame(Path expected, Path actual) throws IOException {
        assertThat(describe(actual)).isEqualTo(describe(expected));
    }

    private static Map<String, String> describe(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = root.relativize(p).toString();
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                if (Files.isSymbolicLink(p)) {
                    out.put(rel, "link " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    out.put(rel, "dir " + mode);
                } else {
                    out.put(rel, "file " + mode + " " + Files.size(p) + " " + java.util.Arrays.hashCode(Files.readAllBytes(p)));
                }
            }
        }
        return out;
    }

    /**
     * Everything on disk under {@code root}: every folder's path and every file's path, size,
     * modification time (to the nanosecond the file system keeps) and SHA-256. Equal before and
     * after means nothing was created, removed, written or even touched.
     */
    static String fingerprint(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted().toList()) {
                String rel = root.relativize(p).toString();
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    sb.append("dir ").append(rel).append('\n');
                    continue;
                }
                sb.append("file ").append(rel).append(' ').append(Files.size(p)).append(' ')
                        .append(Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant()).append(' ')
                        .append(sha256(p)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
