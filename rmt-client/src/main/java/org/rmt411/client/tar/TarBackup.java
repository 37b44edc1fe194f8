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
    private final LongConsumer progress;
    private final Consumer<String> warnings;
    private final Map<Object, String> firstNames = new HashMap<>();
    private final byte[] buffer = new byte[COPY_BUFFER];
    private Exclusions exclusions = Exclusions.NONE;
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
        this.tar = new TarArchiveOutputStream(sink, recordSize, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        this.progress = progress;
        this.warnings = warnings;
    }

    /** Leaves out members these patterns exclude (GNU tar's {@code --exclude}), silently as tar. */
    public TarBackup excluding(Exclusions patterns) {
        this.exclusions = patterns;
        return this;
    }

    /** Archives each path (recursively for folders), then ends and closes the archive. */
    public Result write(List<Path> paths) throws IOException {
        try (TarArchiveOutputStream out = tar) {
            for (Path path : paths) {
                add(path, memberName(path));
            }
            out.finish();
        }
        return new Result(entries, contentBytes, problems);
    }

    /**
     * Writes one level of a listed incremental backup as GNU tar does: the files named on the
     * command line that changed, every folder with its dumpdir, then the changed files.
     */
    public Result write(IncrementalPlan plan) throws IOException {
        problems += plan.problems();
        try (TarArchiveOutputStream out = tar) {
            for (IncrementalPlan.File file : plan.topFiles()) {
                add(file.path(), file.member());
            }
            for (IncrementalPlan.Folder folder : plan.folders()) {
                addFolder(folder);
            }
            for (IncrementalPlan.File file : plan.changed()) {
                add(file.path(), file.member());
            }
            out.finish();
        }
        return new Result(entries, contentBytes, problems);
    }

    /** The member name tar stores for a path: as given, leading '/' removed. */
    public static String memberName(Path path) {
        String name = path.toString().replace(path.getFileSystem().getSeparator(), "/");
        int start = 0;
        while (start < name.length() - 1 && name.charAt(start) == '/') {
            start++;
        }
        return name.substring(start);
    }

    private void add(Path path, String name) throws IOException {
        if (exclusions.excludes(name)) {
            return;
        }
        FileMeta meta;
        try {
            meta = FileMeta.read(path);
        } catch (IOException e) {
            warn(path + ": cannot stat: " + e.getMessage());
            return;
        }
        if (meta.basic().isDirectory()) {
            addDirectory(path, name, meta);
        } else if (meta.basic().isSymbolicLink()) {
            TarArchiveEntry entry = entry(name, TarConstants.LF_SYMLINK, meta, 0120000);
            entry.setLinkName(Files.readSymbolicLink(path).toString());
            putEmpty(entry);
        } else if (meta.basic().isRegularFile()) {
            addFile(path, name, meta);
        } else {
            warn(path + ": socket, device or pipe ignored");
        }
    }

    private void addDirectory(Path dir, String name, FileMeta meta) throws IOException {
        putEmpty(entry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, meta, 040000));
        List<Path> children = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.forEach(children::add);
        } catch (IOException e) {
            warn(dir + ": cannot read folder: " + e.getMessage());
            return;
        }
        children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        String prefix = name.endsWith("/") ? name : name + "/";
        for (Path child : children) {
            add(child, prefix + child.getFileName());
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
        if (meta.links() > 1 && meta.fileKey() != null) {
            String first = firstNames.putIfAbsent(meta.fileKey(), name);
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
            entry.setSize(meta.basic().size());
            tar.putArchiveEntry(entry);
            copy(path, content, meta.basic().size());
            tar.closeArchiveEntry();
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
        }
        if (in.read() >= 0) {
            warn(path + ": file changed as we read it");
        }
    }

    private TarArchiveEntry entry(String name, byte type, FileMeta meta, int typeBits) {
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
        entries++;
    }

    private void warn(String message) {
        problems++;
        warnings.accept(message);
    }
}
