package org.rmt411.client.tar;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Gives extracted members the owner and group the archive names, as GNU tar does for the
 * superuser ({@code --same-owner}, its default for root): by name first, falling back to the
 * numeric id when this system has no such name, or by id only ({@code --numeric-owner}).
 * Links are changed themselves ({@code lchown}), never what they point to. Name lookups are
 * cached: an archive names few owners but many members.
 */
public final class Owners {
    /** How ownership is restored. */
    public enum Mode {
        /** Members belong to whoever extracts them (GNU tar's default for other users). */
        NONE,
        /** Owner and group names, or the numeric ids where a name is unknown here. */
        NAMES,
        /** Numeric ids only. */
        NUMERIC
    }

    private final Mode mode;
    private final UserPrincipalLookupService lookup;
    private final Map<String, Optional<UserPrincipal>> users = new HashMap<>();
    private final Map<String, Optional<GroupPrincipal>> groups = new HashMap<>();

    Owners(Mode mode, FileSystem fileSystem) {
        // A file system without owners (some in-memory ones) has nothing to restore.
        boolean supported = fileSystem.supportedFileAttributeViews().contains("unix");
        this.mode = supported ? mode : Mode.NONE;
        this.lookup = this.mode == Mode.NAMES ? fileSystem.getUserPrincipalLookupService() : null;
    }

    /** The mode GNU tar would pick: {@code NAMES} for the superuser, else {@code NONE}. */
    public static Mode defaultMode() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0 ? Mode.NAMES : Mode.NONE;
    }

    /** Changes the owner and group of {@code target} (not following a link) as the entry says. */
    void apply(Path target, TarArchiveEntry entry) throws IOException {
        if (mode == Mode.NONE) {
            return;
        }
        Optional<UserPrincipal> user = mode == Mode.NAMES ? user(entry.getUserName()) : Optional.empty();
        Optional<GroupPrincipal> group = mode == Mode.NAMES ? group(entry.getGroupName()) : Optional.empty();
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (user.isPresent()) {
            view.setOwner(user.get());
        } else {
            Files.setAttribute(target, "unix:uid", Math.toIntExact(entry.getLongUserId()), LinkOption.NOFOLLOW_LINKS);
        }
        if (group.isPresent()) {
            view.setGroup(group.get());
        } else {
            Files.setAttribute(target, "unix:gid", Math.toIntExact(entry.getLongGroupId()), LinkOption.NOFOLLOW_LINKS);
        }
    }

    private Optional<UserPrincipal> user(String name) throws IOException {
        return cached(users, name, lookup::lookupPrincipalByName);
    }

    private Optional<GroupPrincipal> group(String name) throws IOException {
        return cached(groups, name, lookup::lookupPrincipalByGroupName);
    }

    /** A name's principal on this system, looked up once; empty for no name or an unknown one. */
    private static <P> Optional<P> cached(Map<String, Optional<P>> cache, String name, Lookup<P> lookup)
            throws IOException {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        Optional<P> known = cache.get(name);
        if (known == null) {
            try {
                known = Optional.of(lookup.find(name));
            } catch (UserPrincipalNotFoundException e) {
                known = Optional.empty();
            }
            cache.put(name, known);
        }
        return known;
    }

    @FunctionalInterface
    private interface Lookup<P> {
        P find(String name) throws IOException;
    }
}
