package org.rmt411.server.device;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.RmtException;

/**
 * Confines device names to a root folder, as jwebserver confines request paths: a leading
 * {@code /} is relative to the root ({@code host:/backups/a.tar} is {@code ROOT/backups/a.tar}),
 * {@code ..} may not climb out, and no symbolic link may lead outside (links that stay inside
 * work). Refusals are {@code E13 Permission denied}, the answer OpenBSD's {@code rmt -d} gives.
 *
 * <p>The walk is free of check-then-use races: each folder is opened relative to the one before
 * it without following links ({@code openat} with {@code O_NOFOLLOW}, through a
 * {@link SecureDirectoryStream}), links are resolved here, against the root, and the file is
 * finally opened relative to its folder, again without following links. Someone who can write
 * inside the root and swaps a folder for a link while a name is being resolved gets an error,
 * never a file outside the root.
 */
public final class RootJail {
    /** Links followed for one name before giving up, as the kernel's ELOOP limit. */
    private static final int MAX_LINKS = 40;

    private final Path givenRoot;
    private final Path realRoot;
    private final boolean posixModes;

    /** A jail at {@code root}, which must exist and allow secure walks (fails early if not). */
    public RootJail(Path root) throws IOException {
        this.givenRoot = root.toAbsolutePath().normalize();
        this.realRoot = givenRoot.toRealPath();
        this.posixModes = realRoot.getFileSystem().supportedFileAttributeViews().contains("posix");
        locate("").close();
    }

    /** The root's real path (links resolved). */
    public Path root() {
        return realRoot;
    }

    /** Whether files under the root take POSIX permissions at creation. */
    public boolean posixModes() {
        return posixModes;
    }

    /**
     * Walks to what {@code name} designates. The result holds the folder it is in open; close it
     * once the file is open.
     *
     * @throws RmtException E13 when the name or a link leads out of the root; ENOENT or ENOTDIR
     *     (as {@link java.nio.file.FileSystemException}s) when a folder on the way is missing or
     *     is not a folder
     */
    public Located locate(String name) throws IOException {
        Located walk = new Located(openRoot());
        try {
            walk.walk(lexical(new ArrayList<>(), name));
            return walk;
        } catch (IOException | RuntimeException e) {
            walk.close();
            throw e;
        }
    }

    private SecureDirectoryStream<Path> openRoot() throws IOException {
        DirectoryStream<Path> stream = Files.newDirectoryStream(realRoot);
        if (!(stream instanceof SecureDirectoryStream)) {
            stream.close();
            throw new IOException(realRoot + ": this file system cannot confine paths (no openat)");
        }
        return (SecureDirectoryStream<Path>) stream;
    }

    /** Appends {@code name}'s segments to {@code base}, folding "." and ".."; E13 above the root. */
    private static List<String> lexical(List<String> base, String name) throws RmtException {
        List<String> segments = new ArrayList<>(base);
        for (String segment : name.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw new RmtException(Errno.EACCES);
                }
                segments.remove(segments.size() - 1);
            } else {
                segments.add(segment);
            }
        }
        return segments;
    }

    /**
     * Where a name leads: the folder holding it (open), its last segment, and what is there now.
     * Paths inside are relative to the root's real path.
     */
    public final class Located implements Closeable {
        private final Deque<SecureDirectoryStream<Path>> folders = new ArrayDeque<>();
        private final List<String> segments = new ArrayList<>();
        private BasicFileAttributes attributes;
        private int links;

        private Located(SecureDirectoryStream<Path> root) {
            folders.addLast(root);
        }

        /** The segments from the root to the target, links resolved; empty for the root itself. */
        public List<String> segments() {
            return List.copyOf(segments);
        }

        /** Whether something exists there (a file or folder, never a link). */
        public boolean exists() {
            return attributes != null;
        }

        /** Whether a folder is there (the root itself included). */
        public boolean isDirectory() {
            return segments.isEmpty() || (attributes != null && attributes.isDirectory());
        }

        /**
         * Opens (or creates) the target relative to its folder, refusing a link that appeared
         * there since the walk.
         */
        public FileChannel open(Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
            if (segments.isEmpty()) {
                throw new RmtException(Errno.EISDIR);
            }
            Set<OpenOption> noFollow = new HashSet<>(options);
            noFollow.add(LinkOption.NOFOLLOW_LINKS);
            SeekableByteChannel channel = folders.peekLast().newByteChannel(last(), noFollow, attrs);
            if (channel instanceof FileChannel) {
                return (FileChannel) channel;
            }
            channel.close();
            throw new IOException("the file system did not give a file channel for " + segments);
        }

        @Override
        public void close() throws IOException {
            IOException first = null;
            while (!folders.isEmpty()) {
                try {
                    folders.removeLast().close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }

        private void walk(List<String> pending) throws IOException {
            Deque<String> todo = new ArrayDeque<>(pending);
            while (!todo.isEmpty()) {
                String segment = todo.removeFirst();
                BasicFileAttributes found = attributes(segment);
                if (found != null && found.isSymbolicLink()) {
                    todo = rerouted(segment, todo);
                    continue;
                }
                segments.add(segment);
                if (todo.isEmpty()) {
                    attributes = found;
                    return;
                }
                if (found == null) {
                    throw new NoSuchFileException(String.join("/", segments));
                }
                if (!found.isDirectory()) {
                    throw new NotDirectoryException(String.join("/", segments));
                }
                folders.addLast(folders.peekLast().newDirectoryStream(last(), LinkOption.NOFOLLOW_LINKS));
            }
        }

        /**
         * Replaces a link by its target, resolved against the root: the walk restarts at the
         * root with the target's segments followed by what was left. The link's text is read by
         * path; even if it changed meanwhile, whatever it says is confined the same way.
         */
        private Deque<String> rerouted(String link, Deque<String> rest) throws IOException {
            if (++links > MAX_LINKS) {
                throw new RmtException(Errno.EACCES);
            }
            Path target = Files.readSymbolicLink(realRoot.resolve(String.join("/", segments)).resolve(link));
            List<String> resolved;
            if (target.isAbsolute()) {
                // Absolute links may name the root as configured or by its real path.
                Path normal = target.normalize();
                Path base = normal.startsWith(realRoot) ? realRoot : normal.startsWith(givenRoot) ? givenRoot : null;
                if (base == null) {
                    throw new RmtException(Errno.EACCES);
                }
                resolved = lexical(List.of(), base.relativize(normal).toString());
            } else {
                resolved = lexical(segments, target.toString());
            }
            while (folders.size() > 1) {
                folders.removeLast().close();
            }
            segments.clear();
            Deque<String> todo = new ArrayDeque<>(resolved);
            todo.addAll(rest);
            return todo;
        }

        private BasicFileAttributes attributes(String segment) throws IOException {
            try {
                return folders.peekLast().getFileAttributeView(path(segment), BasicFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS).readAttributes();
            } catch (NoSuchFileException e) {
                return null;
            }
        }

        private Path last() {
            return path(segments.get(segments.size() - 1));
        }

        private Path path(String segment) {
            return realRoot.getFileSystem().getPath(segment);
        }
    }
}
