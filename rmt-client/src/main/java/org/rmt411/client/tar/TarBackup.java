package org.rmt411.client.tar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.rmt411.client.tar.incremental.Dumpdir;
import org.rmt411.client.tar.incremental.IncrementalPlan;

/**
 * Writes files and folders as a POSIX tar archive to a stream: PAX headers for long names, big
 * numbers and non-ASCII names; symbolic links, hard links (by file identity), modes, mtimes,
 * owner ids and names. Folders are walked without following links, children in name order.
 * Unreadable files are reported and skipped, as GNU tar does.
 */
public final class TarBackup {
    private static final int COPY_BUFFER = 64 * 1024;

    private final TarArchiveOutputStream tar;
    private final CompletedMembers completed;
    private final int recordSize;
    private final LongConsumer progress;
    private final Consumer<String> warnings;
    /** The first member name of each file met, as a hard link target. */
    private final Map<Object, String> firstNames = new HashMap<>();
    private final byte[] buffer = new byte[COPY_BUFFER];
    private final SaferNames names;
    private final java.util.Set<Object> ancestors = new java.util.HashSet<>();
    private Exclusions exclusions = Exclusions.NONE;
    private TarHabits habits = TarHabits.DEFAULT;
    private java.util.function.BooleanSupplier stop = () -> false;
    /** Link count above which a file may be a hard link of an earlier member (GNU tar's trivial_link_count). */
    private int trivialLinks = 1;
    private long entries;
    private long contentBytes;
    private int problems;

    /** What a backup wrote. */
    public record Result(long entries, long contentBytes, int problems) {
    }

    /**
     * @param sink where the archive goes (a record stream, possibly behind a compressor); it is
     *     closed at the end, which pads and flushes the last record
     * @param recordSize tar record size: the archive is padded to a multiple of it
     * @param progress told the number of content bytes after each chunk
     * @param warnings told about each skipped or changed file
     */
    public TarBackup(OutputStream sink, int recordSize, LongConsumer progress, Consumer<String> warnings) {
        // The tar writer blocks in 512 bytes so each member's last byte passes to `completed` as
        // soon as the member is closed; whole records are made below (RecordOutputStream), and
        // write() pads the archive to the record as a writer blocked by records would.
        this.completed = new CompletedMembers(sink);
        this.recordSize = recordSize;
        this.tar = new TarArchiveOutputStream(completed, TarConstants.DEFAULT_RCDSIZE, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        this.progress = progress;
        this.warnings = warnings;
        this.names = new SaferNames(warnings);
    }

    /**
     * Stops the backup as soon as {@code requested} says so (checked between members and every
     * 64 KiB): every whole 512-byte block so far goes to the sink, the sink is closed (a
     * compressor ends its stream, a {@link org.rmt411.client.io.RecordOutputStream} pads the last
     * record) and a {@link BackupInterruptedException} is thrown. No zeros are added to the tar
     * stream itself: they would read as the cut member's content instead of its end.
     */
    public TarBackup stopWhen(java.util.function.BooleanSupplier requested) {
        this.stop = requested;
        return this;
    }

    /** Walks the tree as these GNU tar options say ({@code -h}, {@code --one-file-system}, {@code -v}). */
    public TarBackup habits(TarHabits chosen) {
        this.habits = chosen;
        return this;
    }

    /** Leaves out members these patterns exclude (GNU tar's {@code --exclude}), silently as tar. */
    public TarBackup excluding(Exclusions patterns) {
        this.exclusions = patterns;
        return this;
    }

    /** Archives each path (recursively for folders), then ends and closes the archive. */
    public Result write(List<Path> paths) throws IOException {
        // GNU tar: with several names, or with -h, one file may be reached twice even with one link.
        trivialLinks = paths.size() <= 1 && !habits.dereference() ? 1 : 0;
        return writeMembers(() -> {
            for (Path path : paths) {
                add(path, path.toString().replace(path.getFileSystem().getSeparator(), "/"), null);
            }
        });
    }

    /**
     * Writes one level of a listed incremental backup as GNU tar does: the files named on the
     * command line that changed, every folder with its dumpdir, then the changed files.
     */
    public Result write(IncrementalPlan plan) throws IOException {
        problems += plan.problems();
        return writeMembers(() -> {
            for (IncrementalPlan.File file : plan.topFiles()) {
                add(file.path(), file.member(), null);
            }
            for (IncrementalPlan.Folder folder : plan.folders()) {
                checkStop();
                addFolder(folder);
            }
            for (IncrementalPlan.File file : plan.changed()) {
                add(file.path(), file.member(), null);
            }
        });
    }

    /** What {@link #writeMembers} runs: adds members, may throw. */
    @FunctionalInterface
    private interface Members {
        void add() throws IOException;
    }

    /** Adds the members, then ends the archive; a stop or a failure ends it as described at {@link #stopWhen}. */
    private Result writeMembers(Members members) throws IOException {
        try {
            members.add();
        } catch (BackupInterruptedException e) {
            // Not tar.close(): that would add end blocks after a cut member. Closing the sink
            // ends any compressed stream and pads the last record, so the device gets whole records.
            completed.close();
            throw e;
        } catch (IOException | RuntimeException e) {
            closeAfter(e);
            throw e;
        }
        try (TarArchiveOutputStream out = tar) {
            out.finish();
            completed.padTo(recordSize);
        }
        return new Result(entries, contentBytes, problems);
    }

    /** The member name tar stores for a path: GNU tar's, with any climbing prefix removed. */
    public static String memberName(Path path) {
        return SaferNames.suffix(path.toString().replace(path.getFileSystem().getSeparator(), "/"));
    }

    /**
     * Adds one path, {@code raw} being its name as given (tar's prefix rules apply on writing).
     *
     * @param parentDevice the file system of the folder it is in, null at the top
     */
    private void add(Path path, String raw, Object parentDevice) throws IOException {
        checkStop();
        if (exclusions.excludes(SaferNames.suffix(raw))) {
            return;
        }
        FileMeta meta;
        try {
            meta = FileMeta.read(path, habits.dereference());
        } catch (IOException e) {
            warn(path + ": cannot stat: " + e.getMessage());
            return;
        }
        if (meta.basic().isDirectory()) {
            addDirectory(path, raw, meta, parentDevice);
        } else if (meta.basic().isSymbolicLink()) {
            TarArchiveEntry entry = entry(raw, TarConstants.LF_SYMLINK, meta, 0120000);
            entry.setLinkName(Files.readSymbolicLink(path).toString()); // kept as is, as GNU tar
            putEmpty(entry);
        } else if (meta.basic().isRegularFile()) {
            addFile(path, raw, meta);
        } else {
            warn(path + ": socket, device or pipe ignored");
        }
    }

    private void addDirectory(Path dir, String raw, FileMeta meta, Object parentDevice) throws IOException {
        String name = raw.endsWith("/") ? raw : raw + "/";
        Object key = meta.fileKey();
        if (habits.dereference() && key != null && ancestors.contains(key)) {
            // GNU tar 1.34 -h follows such a loop until it crashes; a backup must end.
            warn(dir + ": file system loop (a link to a folder above it); not dumped");
            return;
        }
        putEmpty(entry(name, TarConstants.LF_DIR, meta, 040000));
        if (habits.oneFileSystem() && parentDevice != null && !parentDevice.equals(meta.device())) {
            if (habits.listing()) {
                warnings.accept(name + ": file is on a different filesystem; not dumped"); // tar -v's text
            }
            return;
        }
        if (key != null) {
            ancestors.add(key);
        }
        try {
            addChildren(dir, name, meta.device());
        } finally {
            ancestors.remove(key);
        }
    }

    private void addChildren(Path dir, String prefix, Object device) throws IOException {
        List<Path> children = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.forEach(children::add);
        } catch (IOException e) {
            warn(dir + ": cannot read folder: " + e.getMessage());
            return;
        }
        children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        for (Path child : children) {
            add(child, prefix + child.getFileName(), device);
        }
    }

    /** A folder member whose dumpdir travels in a PAX record, as GNU tar's --format=posix -g writes it. */
    private void addFolder(IncrementalPlan.Folder folder) throws IOException {
        FileMeta meta;
        try {
            meta = FileMeta.read(folder.path());
        } catch (IOException e) {
            warn(folder.path() + ": cannot stat: " + e.getMessage());
            return;
        }
        TarArchiveEntry entry = entry(folder.member(), TarConstants.LF_DIR, meta, 040000);
        if (folder.dumpdir() != null) {
            entry.addPaxHeader(Dumpdir.PAX_KEYWORD, folder.dumpdir().encoded());
        }
        putEmpty(entry);
    }

    private void addFile(Path path, String name, FileMeta meta) throws IOException {
        if (meta.links() > trivialLinks && meta.fileKey() != null) {
            String first = firstNames.get(meta.fileKey());
            if (first != null) {
                TarArchiveEntry link = entry(name, TarConstants.LF_LINK, meta, 0100000);
                link.setLinkName(first);
                putEmpty(link);
                return;
            }
        }
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (IOException e) {
            warn(path + ": cannot open: " + e.getMessage());
            return;
        }
        try (InputStream content = in) {
            TarArchiveEntry entry = entry(name, TarConstants.LF_NORMAL, meta, 0100000);
            if (meta.links() > trivialLinks && meta.fileKey() != null) {
                // GNU tar cuts (and reports) the future link target right after the member name.
                firstNames.put(meta.fileKey(), names.linkTarget(name));
            }
            entry.setSize(meta.basic().size());
            tar.putArchiveEntry(entry);
            copy(path, content, meta.basic().size());
            tar.closeArchiveEntry();
            completed.ended(entry.getName());
            entries++;
        }
    }

    /** Copies exactly {@code size} bytes; a file that shrank is padded with zeros (as GNU tar). */
    private void copy(Path path, InputStream in, long size) throws IOException {
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                warn(path + ": file shrank by " + left + " bytes; padding with zeros");
                java.util.Arrays.fill(buffer, (byte) 0);
                while (left > 0) {
                    int pad = (int) Math.min(buffer.length, left);
                    tar.write(buffer, 0, pad);
                    left -= pad;
                }
                break;
            }
            tar.write(buffer, 0, n);
            left -= n;
            contentBytes += n;
            progress.accept(n);
            checkStop();
        }
        if (in.read() >= 0) {
            warn(path + ": file changed as we read it");
        }
    }

    /** An entry for the name as given: shown as such with -v, stored as GNU tar would store it. */
    private TarArchiveEntry entry(String raw, byte type, FileMeta meta, int typeBits) {
        habits.verbose().accept(raw);
        boolean folder = raw.endsWith("/");
        String name = names.member(folder ? raw.substring(0, raw.length() - 1) : raw) + (folder ? "/" : "");
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        entry.setMode(typeBits | meta.mode());
        entry.setModTime(meta.mtimeSeconds());
        entry.setUserId(meta.uid());
        entry.setGroupId(meta.gid());
        entry.setUserName(meta.owner());
        entry.setGroupName(meta.group());
        return entry;
    }

    private void putEmpty(TarArchiveEntry entry) throws IOException {
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
        completed.ended(entry.getName());
        entries++;
    }

    private void checkStop() throws BackupInterruptedException {
        if (stop.getAsBoolean()) {
            throw new BackupInterruptedException(completed.lastComplete(), -1);
        }
    }

    /** Closes the archive after a failure, keeping the failure as the error to report. */
    private void closeAfter(Exception failure) {
        try {
            tar.close();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void warn(String message) {
        problems++;
        warnings.accept(message);
    }
}
