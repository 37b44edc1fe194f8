package org.rmt411.client.tar.incremental;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.rmt411.client.tar.Exclusions;
import org.rmt411.client.tar.TarBackup;

/**
 * What one level of a listed incremental backup writes, decided as GNU tar 1.34 decides it
 * ({@code incremen.c}: {@code procdir}, {@code makedumpdir}, {@code scan_directory}): every
 * folder, with a dumpdir listing its contents; a file is dumped ({@code Y}) when its folder is new,
 * when it was not in its folder's previous dumpdir, or when its mtime or ctime is not older than
 * the previous level's start; otherwise it is listed as {@code N}. A folder found under another
 * name by its device and inode is a rename (R/T records in the first folder's dumpdir) and keeps
 * its previous contents. Also makes the snapshot file for the next level.
 */
public final class IncrementalPlan {
    /** A folder member: where it is, its member name (ending in '/'), its dumpdir (null: none). */
    public record Folder(Path path, String member, Dumpdir dumpdir) {
    }

    /** A file member: where it is and its member name. */
    public record File(Path path, String member) {
    }

    private final PreviousDump previous;
    private final Instant since;
    private final Exclusions exclusions;
    private final Consumer<String> warnings;
    private final List<File> topFiles = new ArrayList<>();
    private final List<Folder> folders = new ArrayList<>();
    private final List<File> changed = new ArrayList<>();
    private final List<SnapshotFile.Folder> found = new ArrayList<>();
    private final RenameRecords renames = new RenameRecords();
    private final Instant started;
    private int problems;

    private IncrementalPlan(SnapshotFile previous, Instant started, Exclusions exclusions, Consumer<String> warnings) {
        this.previous = new PreviousDump(previous);
        this.since = previous == null ? null : previous.started();
        this.started = started;
        this.exclusions = exclusions;
        this.warnings = warnings;
    }

    /**
     * Scans {@code roots} against the previous level.
     *
     * @param previous the previous level's snapshot, or null for a level 0
     * @param started when this dump starts: the next level dumps what changed since then
     */
    public static IncrementalPlan scan(List<Path> roots, SnapshotFile previous, Instant started,
            Exclusions exclusions, Consumer<String> warnings) {
        IncrementalPlan plan = new IncrementalPlan(previous, started, exclusions, warnings);
        for (Path root : roots) {
            plan.root(root);
        }
        plan.addRenameRecords();
        return plan;
    }

    /** Files named on the command line, dumped when changed since the previous level. */
    public List<File> topFiles() {
        return List.copyOf(topFiles);
    }

    /** Every folder, parents before children, each with its dumpdir. */
    public List<Folder> folders() {
        return List.copyOf(folders);
    }

    /** The files to dump ({@code Y} entries), folder by folder. */
    public List<File> changed() {
        return List.copyOf(changed);
    }

    /** Files or folders that could not be read while scanning (each already reported). */
    public int problems() {
        return problems;
    }

    /** The snapshot file for the next level. */
    public SnapshotFile snapshot() {
        return new SnapshotFile(started, found);
    }

    private void root(Path root) {
        String member = TarBackup.memberName(root);
        if (exclusions.excludes(member)) {
            return;
        }
        Map<String, Object> attributes = stat(root);
        if (attributes == null) {
            return;
        }
        if ((Boolean) attributes.get("isDirectory")) {
            String name = root.toString();
            folder(root, name.length() > 1 && name.endsWith("/") ? name.substring(0, name.length() - 1) : name,
                    member, attributes, false);
        } else if (changedSince(attributes)) {
            topFiles.add(new File(root, member));
        }
    }

    /**
     * One folder: decide what to compare it with, list its contents, recurse into subfolders.
     *
     * @param name the folder's name in the snapshot file (as given, not stripped)
     * @param allNew whether the parent is new, so everything beneath is dumped whole
     */
    private void folder(Path dir, String name, String member, Map<String, Object> attributes, boolean allNew) {
        long device = (Long) attributes.get("dev");
        long inode = (Long) attributes.get("ino");
        PreviousDump.Known base = previous.named(name);
        if (base == null || base.record.device() != device || base.record.inode() != inode) {
            base = previous.identified(device, inode);
            if (base != null && !base.name.equals(name)) {
                renames.add(TarBackup.memberName(Path.of(base.name)), member);
                previous.renamed(base.name, name);
            }
        }
        Dumpdir before = base == null || allNew ? null : base.record.dumpdir();
        Instant mtime = ((FileTime) attributes.get("lastModifiedTime")).toInstant();
        List<String> children = list(dir);
        if (children == null) {
            folders.add(new Folder(dir, member + "/", null));
            if (base != null) {
                found.add(new SnapshotFile.Folder(false, mtime, device, inode, name, base.record.dumpdir()));
            }
            return;
        }
        List<Dumpdir.Entry> entries = new ArrayList<>();
        List<Runnable> subfolders = new ArrayList<>();
        List<File> dumped = new ArrayList<>();
        for (String child : children) {
            entries.add(child(dir, name, member, child, before, allNew || before == null, dumped, subfolders));
        }
        Dumpdir dumpdir = new Dumpdir(entries);
        folders.add(new Folder(dir, member + "/", dumpdir)); // before its subfolders: parents first
        found.add(new SnapshotFile.Folder(false, mtime, device, inode, name, dumpdir));
        changed.addAll(dumped);
        subfolders.forEach(Runnable::run);
    }

    private Dumpdir.Entry child(Path dir, String name, String member, String child, Dumpdir before, boolean allNew,
            List<File> dumped, List<Runnable> subfolders) {
        String childMember = member + "/" + child;
        if (exclusions.excludes(childMember)) {
            return new Dumpdir.Entry('N', child);
        }
        Path path = dir.resolve(child);
        Map<String, Object> attributes = stat(path);
        if (attributes == null) {
            return new Dumpdir.Entry('N', child);
        }
        if ((Boolean) attributes.get("isDirectory")) {
            subfolders.add(() -> folder(path, name + "/" + child, childMember, attributes, allNew));
            return new Dumpdir.Entry('D', child);
        }
        boolean dump = before == null || before.member(child).isEmpty() || changedSince(attributes);
        if (dump) {
            dumped.add(new File(path, childMember));
        }
        return new Dumpdir.Entry(dump ? 'Y' : 'N', child);
    }

    /** GNU tar's test with -g: not older than the previous start by mtime, or by ctime. */
    private boolean changedSince(Map<String, Object> attributes) {
        if (since == null) {
            return true;
        }
        Instant mtime = ((FileTime) attributes.get("lastModifiedTime")).toInstant();
        Instant ctime = ((FileTime) attributes.get("ctime")).toInstant();
        return !mtime.isBefore(since) || !ctime.isBefore(since);
    }

    private void addRenameRecords() {
        List<Dumpdir.Entry> records = renames.records();
        if (records.isEmpty()) {
            return;
        }
        for (int i = 0; i < folders.size(); i++) {
            Folder first = folders.get(i);
            if (first.dumpdir() != null) {
                folders.set(i, new Folder(first.path(), first.member(), first.dumpdir().withRecords(records)));
                return;
            }
        }
    }

    private List<String> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            // Each name encoded once, not once per comparison: folders of thousands of names.
            return entries.map(p -> p.getFileName().toString())
                    .map(name -> Map.entry(name, name.getBytes(StandardCharsets.UTF_8)))
                    .sorted((a, b) -> Arrays.compareUnsigned(a.getValue(), b.getValue()))
                    .map(Map.Entry::getKey).toList();
        } catch (IOException e) {
            warn(dir + ": cannot read folder: " + e.getMessage());
            return null;
        }
    }

    private Map<String, Object> stat(Path path) {
        try {
            return Files.readAttributes(path, "unix:dev,ino,ctime,lastModifiedTime,isDirectory", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            throw new UnsupportedOperationException(path + ": incremental backups need device and inode numbers,"
                    + " which this file system does not give", e);
        } catch (IOException e) {
            warn(path + ": cannot stat: " + e.getMessage());
            return null;
        }
    }

    private void warn(String message) {
        problems++;
        warnings.accept(message);
    }
}
