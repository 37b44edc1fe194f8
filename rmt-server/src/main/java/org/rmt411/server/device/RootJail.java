package org.rmt411.server.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.RmtException;

/**
 * Confines device names to a root folder, as jwebserver confines request paths: a leading
 * {@code /} is relative to the root ({@code host:/backups/a.tar} is {@code ROOT/backups/a.tar}),
 * {@code ..} may not climb out, and no symbolic link may lead outside. Refusals are
 * {@code E13 Permission denied}, the answer OpenBSD's {@code rmt -d} gives.
 */
public final class RootJail {
    private final Path root;
    private final Path realRoot;

    /** A jail at {@code root}, which must exist. */
    public RootJail(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = this.root.toRealPath();
    }

    /** The root folder. */
    public Path root() {
        return root;
    }

    /**
     * The real path a device name designates inside the root.
     *
     * @throws RmtException E13 when the name leaves the root
     */
    public Path resolve(String name) throws IOException {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : name.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw new RmtException(Errno.EACCES);
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        return followLinks(segments);
    }

    /**
     * Resolves the longest existing prefix through the file system (following every link) and
     * checks it is still inside the root; the rest does not exist yet and is appended as is.
     */
    private Path followLinks(Deque<String> segments) throws IOException {
        Path existing = realRoot;
        Path lexical = realRoot;
        int consumed = 0;
        for (String segment : segments) {
            Path next = lexical.resolve(segment);
            if (!Files.exists(next)) {
                if (Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                    // A dangling link: creating through it would land wherever it points.
                    throw new RmtException(Errno.EACCES);
                }
                break;
            }
            lexical = next;
            consumed++;
        }
        if (consumed > 0) {
            existing = lexical.toRealPath();
            if (!existing.startsWith(realRoot)) {
                throw new RmtException(Errno.EACCES);
            }
        }
        Path result = existing;
        int index = 0;
        for (String segment : segments) {
            if (index++ >= consumed) {
                result = result.resolve(segment);
            }
        }
        return result;
    }
}
