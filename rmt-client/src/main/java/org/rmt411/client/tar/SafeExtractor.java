package org.rmt411.client.tar;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.rmt411.client.tar.incremental.DumpdirRestore;
import org.rmt411.client.tar.incremental.Dumpdir;

/**
 * Extracts an archive under one folder and nowhere else: names with {@code ..} are refused,
 * leading {@code /} is removed, nothing is written through a symbolic link (an existing link in
 * the way is replaced, a link among the parents makes the member refused), and hard links must
 * point inside the folder too. Folder modes and mtimes are set last, deepest first, so read-only
 * folders can still be filled, and only if the path still is the folder extraction created
 * ({@link ExtractedAttributes}). Owners and groups are restored as {@link Owners} says (by
 * default as GNU tar does: when extracting as root); a change refused by the system is a
 * warning, as in GNU tar, and counted in {@link Result#ownersNotRestored()}.
 */
public final class SafeExtractor {
    private final Path root;
    private MemberSelection selection;
    private final Consumer<String> warnings;
    private final Consumer<String> verbose;
    private final boolean posix;
    private final Deque<ExtractedAttributes.Created> folders = new ArrayDeque<>();
    private Owners owners;
    private ExtractedAttributes attributes;
    private DumpdirRestore dumpdirs;
    private int extracted;
    private int refused;

    /** What an extraction did: members written, members skipped, members left with our owner. */
    public record Result(int extracted, int refused, int ownersNotRestored) {
    }

    /**
     * @param root the folder to extract into (created if missing)
     * @param members names to extract (with everything beneath them); empty for all
     * @param verbose told each extracted name
     */
    public SafeExtractor(Path root, List<String> members, Consumer<String> warnings, Consumer<String> verbose) {
        this.root = root;
        this.selection = new MemberSelection(members, false);
        this.warnings = warnings;
        this.verbose = verbose;
        this.posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
        this.owners = new Owners(Owners.defaultMode(), root.getFileSystem());
    }

    /** Extracts only the members {@code chosen} selects (GNU tar's matching, see {@link MemberSelection}). */
    public SafeExtractor selecting(MemberSelection chosen) {
        this.selection = chosen;
        return this;
    }

    /** Chooses how owners are restored (default: {@link Owners#defaultMode()}). */
    public SafeExtractor owners(Owners.Mode mode) {
        this.owners = new Owners(mode, root.getFileSystem());
        return this;
    }

    /**
     * With {@code true}, applies each folder's dumpdir as GNU tar's {@code -x -g} does: renames,
     * then deletion of what the folder did not hold when the archive was made.
     */
    public SafeExtractor incremental(boolean apply) {
        this.dumpdirs = apply ? new DumpdirRestore(this::resolveMember, warnings, verbose) : null;
        return this;
    }

    /** Extracts every selected member, then fixes folder attributes. */
    public Result extract(TarArchiveInputStream in) throws IOException {
        Files.createDirectories(root);
        attributes = new ExtractedAttributes(owners, posix, warnings);
        TarArchiveEntry entry;
        while ((entry = in.getNextEntry()) != null) {
            List<String> parts = MemberNames.components(entry.getName());
            if (parts == null) {
                refuse(entry.getName(), "member name contains '..'");
            } else if (selection.selects(entry.getName())) {
                extract(in, entry, parts);
            }
        }
        for (String wanted : selection.notFound()) {
            refuse(wanted, "not found in archive");
        }
        while (!folders.isEmpty()) {
            attributes.applyLater(folders.pop());
        }
        return new Result(extracted, refused + (dumpdirs == null ? 0 : dumpdirs.problems()),
                attributes.ownersNotRestored());
    }

    private void extract(TarArchiveInputStream in, TarArchiveEntry entry, List<String> parts) throws IOException {
        String name = entry.getName();
        if (parts.isEmpty()) {
            return; // "./" or "/": the extraction folder itself
        }
        Path target = resolve(parts);
        if (!parentsSafe(parts)) {
            refuse(name, "a parent folder is a symbolic link or not a folder");
            return;
        }
        if (entry.isDirectory()) {
            applyDumpdir(target, entry);
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                clear(target);
                Files.createDirectory(target);
            }
            folders.push(attributes.remember(target, entry));
        } else if (!clear(target)) {
            refuse(name, "a non-empty folder is in the way");
            return;
        } else if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(target, target.getFileSystem().getPath(entry.getLinkName()));
            attributes.owner(target, entry);
        } else if (entry.isLink()) {
            if (!link(target, entry.getLinkName())) {
                refuse(name, "hard link target " + entry.getLinkName() + " is outside the folder or missing");
                return;
            }
        } else if (entry.isFile()) {
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                in.transferTo(out);
            }
            attributes.apply(target, entry);
        } else {
            refuse(name, "device, pipe or other special file not extracted");
            return;
        }
        extracted++;
        verbose.accept(name);
    }

    /** With -g, the folder's renames and deletions, before the folder member itself. */
    private void applyDumpdir(Path target, TarArchiveEntry entry) throws IOException {
        var dumpdir = dumpdirs == null ? java.util.Optional.<Dumpdir>empty() : Dumpdir.of(entry);
        if (dumpdir.isPresent()) {
            dumpdirs.apply(target, entry.getName(), dumpdir.get());
        }
    }

    private Path resolve(List<String> parts) {
        Path path = root;
        for (String part : parts) {
            path = path.resolve(part);
        }
        return path;
    }

    /** A member name's place under the root with its parents made, or null if unsafe. */
    private Path resolveMember(String name) throws IOException {
        List<String> parts = MemberNames.components(name);
        return parts == null || !parentsSafe(parts) ? null : resolve(parts);
    }

    /** Creates missing parents; false if an existing one is a link or not a folder. */
    private boolean parentsSafe(List<String> parts) throws IOException {
        Path path = root;
        for (int i = 0; i < parts.size() - 1; i++) {
            path = path.resolve(parts.get(i));
            if (Files.isSymbolicLink(path)) {
                return false;
            }
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(path);
            } else if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        return true;
    }

    /** Removes whatever non-folder (or empty folder) is at {@code target}; false if it cannot. */
    private boolean clear(Path target) throws IOException {
        try {
            Files.deleteIfExists(target); // unlinks a symbolic link itself, never its target
            return true;
        } catch (DirectoryNotEmptyException e) {
            return false;
        }
    }

    private boolean link(Path target, String linkName) throws IOException {
        List<String> parts = MemberNames.components(linkName);
        if (parts == null || parts.isEmpty()) {
            return false;
        }
        // The target's folders must all exist as real folders: none is created for a link.
        Path existing = root;
        for (String part : parts) {
            if (!Files.isDirectory(existing, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            existing = existing.resolve(part);
        }
        if (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Files.createLink(target, existing);
        return true;
    }

    private void refuse(String name, String why) {
        refused++;
        warnings.accept(name + ": " + why + "; skipped");
    }
}
