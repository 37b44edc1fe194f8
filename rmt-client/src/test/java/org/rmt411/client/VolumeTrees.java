package org.rmt411.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;
import java.util.stream.Stream;
import org.rmt411.server.tape.TapeLibrary;

/** A tree too big for one small cartridge, for multi-volume tests. */
public final class VolumeTrees {
    /** 3 MiB cartridges, early warning 1 MiB before the end: about 2 MiB of archive per volume. */
    public static final TapeLibrary.Settings SMALL_CARTRIDGES = new TapeLibrary.Settings(4, 3L << 20, 1L << 20, true);
    /** Spans three volumes of {@link #SMALL_CARTRIDGES}: it starts early in the first. */
    public static final String SPANNING = "big/huge.bin";

    private static final FileTime PAST = FileTime.fromMillis(1_500_000_000_000L);

    private VolumeTrees() {
    }

    /** {@link Trees#build}, plus a 5 MiB file and twenty smaller ones of random bytes. */
    public static Path build(Path root) throws IOException {
        Trees.build(root);
        Random random = new Random(9);
        Path big = Files.createDirectories(root.resolve("big"));
        Files.write(root.resolve(SPANNING), randomBytes(random, 5 << 20));
        for (int i = 1; i <= 20; i++) {
            Files.write(big.resolve(String.format("m%02d", i)), randomBytes(random, random.nextInt(120_000)));
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setLastModifiedTime(p, PAST);
                }
            }
        }
        return root;
    }

    /**
     * {@code count} files of 1 to 1536 bytes (one to three data blocks) in a folder, so volume
     * changes land on headers about as often as inside data; with {@code longNames} every member has a PAX header
     * too, so some changes land inside a PAX record.
     */
    public static Path smallFiles(Path root, int count, boolean longNames) throws IOException {
        Random random = new Random(count);
        Path dir = Files.createDirectories(root.resolve(longNames ? "long-" + "n".repeat(100) : "small"));
        for (int i = 0; i < count; i++) {
            Files.write(dir.resolve(String.format("f%05d", i)), randomBytes(random, 1 + random.nextInt(1536)));
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setLastModifiedTime(p, PAST);
            }
        }
        return root;
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
