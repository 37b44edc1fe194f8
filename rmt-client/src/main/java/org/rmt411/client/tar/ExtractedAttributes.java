package org.rmt411.client.tar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Sets owner, mode and mtime on what extraction created, and only on that: every change is made
 * without following a link (fchmod on an {@code O_NOFOLLOW} descriptor, lchown, lutimes), and a
 * change deferred to the end of extraction (a folder's) first checks that the path still names
 * the very object created then, by its identity (device and inode). A later member may have
 * replaced the folder with a link to a file outside the extraction folder; GNU tar 1.34 then
 * leaves that file alone ({@code delayed_set_stat} compares dev/ino), and so do we.
 */
final class ExtractedAttributes {
    private final Owners owners;
    private final boolean posix;
    private final Consumer<String> warnings;
    private int ownersNotRestored;

    /** An object extraction made, remembered by identity for changes applied later. */
    record Created(Path path, Object identity, TarArchiveEntry entry) {
    }

    ExtractedAttributes(Owners owners, boolean posix, Consumer<String> warnings) {
        this.owners = owners;
        this.posix = posix;
        this.warnings = warnings;
    }

    /** Remembers the object now at {@code path} (not following a link) for {@link #applyLater}. */
    Created remember(Path path, TarArchiveEntry entry) throws IOException {
        return new Created(path, identity(path), entry);
    }

    /**
     * Applies a deferred change if the path still is the remembered object; a path that is now
     * a link, another object or gone is left as it is, silently as GNU tar does.
     *
     * @return whether the attributes were applied
     */
    boolean applyLater(Created created) throws IOException {
        Object now;
        try {
            now = identity(created.path());
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
        if (!created.identity().equals(now)) {
            return false;
        }
        apply(created.path(), created.entry());
        return true;
    }

    /** Applies owner, mode and mtime to an object just created at {@code path}. */
    void apply(Path path, TarArchiveEntry entry) throws IOException {
        owner(path, entry); // before the mode: changing the owner clears set-user-ID bits
        if (posix) {
            Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setPermissions(FileMeta.permissions(entry.getMode()));
        }
        Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(entry.getLastModifiedTime(), null, null);
    }

    /** Gives {@code path} (a link itself, never its target) the entry's owner; refusals warn. */
    void owner(Path path, TarArchiveEntry entry) {
        try {
            owners.apply(path, entry);
        } catch (IOException | RuntimeException e) {
            ownersNotRestored++;
            warnings.accept(entry.getName() + ": cannot change ownership to uid " + entry.getLongUserId()
                    + ", gid " + entry.getLongGroupId() + ": " + e.getMessage());
        }
    }

    /** How many members kept our owner because the system refused theirs. */
    int ownersNotRestored() {
        return ownersNotRestored;
    }

    /**
     * The object's identity: its file key (dev+inode on Linux) and its type, because a freed
     * inode may be reused at once by the link that replaced the folder. A file system without
     * file keys falls back to the creation time, which a replacement changes too.
     */
    private static Object identity(Path path) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Object key = attrs.fileKey() != null ? attrs.fileKey() : attrs.creationTime();
        String type = attrs.isDirectory() ? "d" : attrs.isSymbolicLink() ? "l" : attrs.isRegularFile() ? "f" : "o";
        return List.of(key, type);
    }
}
