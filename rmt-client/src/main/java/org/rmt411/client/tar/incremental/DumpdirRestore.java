package org.rmt411.client.tar.incremental;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What extraction with {@code -g} does to a folder that already exists when its dumpdir member
 * arrives, as GNU tar's {@code try_purge_directory}: first the renames (R/T records, with a
 * temporary folder for X), then the deletion of every entry the dumpdir does not list, or lists
 * as a folder while it is not one, or as a file while it is a folder. Nothing is followed through
 * a symbolic link: a link in the way is removed as a link, and rename names are resolved by the
 * extractor, which refuses those that climb out of its folder or pass through a link.
 */
public final class DumpdirRestore {
    /**
     * Resolves a member name inside the extraction folder ({@code .} is the folder itself),
     * creating missing parents; null if the name climbs out or passes through a link.
     */
    @FunctionalInterface
    public interface Resolver {
        Path resolve(String member) throws IOException;
    }

    private final Resolver resolver;
    private final Consumer<String> warnings;
    private final Consumer<String> verbose;
    private int problems;

    public DumpdirRestore(Resolver resolver, Consumer<String> warnings, Consumer<String> verbose) {
        this.resolver = resolver;
        this.warnings = warnings;
        this.verbose = verbose;
    }

    /** Renames and deletions that failed or were refused so far (each already reported). */
    public int problems() {
        return problems;
    }

    /** Applies {@code dumpdir} to {@code folder} (the member {@code name}), if the folder exists. */
    public void apply(Path folder, String name, Dumpdir dumpdir) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return; // it will be created; nothing in it to rename or delete
        }
        var malformed = dumpdir.problem();
        if (malformed.isPresent()) {
            warn(name + ": malformed dumpdir: " + malformed.get() + "; folder not purged");
            return;
        }
        if (!renames(dumpdir.entries())) {
            return;
        }
        purge(folder, dumpdir);
    }

    private boolean renames(List<Dumpdir.Entry> entries) throws IOException {
        Path temp = null;
        for (int i = 0; i < entries.size(); i++) {
            Dumpdir.Entry entry = entries.get(i);
            if (entry.code() == 'X') {
                Path parent = resolver.resolve(entry.name());
                if (parent == null) {
                    return refuse(entry.name(), "temporary folder outside the extraction folder");
                }
                temp = Files.createTempDirectory(parent, "tar."); // GNU tar's mkdtemp("tar.XXXXXX")
            } else if (entry.code() == 'R') {
                String from = entry.name();
                String to = entries.get(++i).name();
                Path source = from.isEmpty() ? temp : resolver.resolve(from);
                Path target = to.isEmpty() ? temp : resolver.resolve(to);
                if (source == null || target == null) {
                    return refuse(from + " -> " + to, "rename outside the extraction folder or through a link");
                }
                if (to.isEmpty()) {
                    Files.delete(temp); // the empty stub makes room for the folder parked in its place
                }
                try {
                    Files.move(source, target);
                } catch (IOException e) {
                    warn("cannot rename " + from + " to " + to + ": " + e);
                    return false;
                }
            }
        }
        return true;
    }

    private void purge(Path folder, Dumpdir dumpdir) throws IOException {
        List<Path> present;
        try (Stream<Path> list = Files.list(folder)) {
            present = list.toList();
        }
        for (Path path : present) {
            var listed = dumpdir.member(path.getFileName().toString());
            boolean isFolder = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
            boolean stale = listed.isEmpty()
                    || listed.get().code() == 'D' && !isFolder
                    || listed.get().code() == 'Y' && isFolder;
            if (stale) {
                verbose.accept("Deleting " + path);
                deleteTree(path);
            }
        }
    }

    /** Deletes a file, link or whole folder, never following a link. */
    private static void deleteTree(Path path) throws IOException {
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private boolean refuse(String what, String why) {
        warn(what + ": " + why + "; skipped");
        return false;
    }

    private void warn(String message) {
        problems++;
        warnings.accept(message);
    }
}
