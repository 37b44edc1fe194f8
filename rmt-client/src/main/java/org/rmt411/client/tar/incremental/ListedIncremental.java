package org.rmt411.client.tar.incremental;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.rmt411.client.tar.Exclusions;

/**
 * GNU tar's {@code --listed-incremental=FILE} ({@code -g}) and {@code --level=0} for a backup
 * ({@link org.rmt411.client.tar.BackupOptions#withIncremental}): the snapshot file is read (none,
 * or an empty one, means a level 0), what changed since is dumped, and the file is rewritten for
 * the next level once the archive is complete. Extraction and listing do not read the file (GNU
 * tar's habit: {@code tar -x -g /dev/null}); for them {@code -g} is a flag of their options.
 *
 * @param snapshot the snapshot file
 * @param levelZero {@code --level=0}: empty the snapshot file first, so everything is dumped
 */
public record ListedIncremental(Path snapshot, boolean levelZero) {
    /**
     * Reads the snapshot (emptied first for a level 0, as GNU tar truncates it on opening) and
     * plans this level.
     *
     * @throws SnapshotFormatException if the snapshot file is malformed
     */
    public IncrementalPlan plan(List<Path> roots, Exclusions exclusions, Consumer<String> warnings) throws IOException {
        Instant started = Instant.now();
        if (levelZero || Files.notExists(snapshot)) {
            create();
        }
        SnapshotFile previous = SnapshotFile.read(snapshot);
        return IncrementalPlan.scan(roots, previous, started, exclusions, warnings);
    }

    /**
     * The bytes this level would dump, for a progress bar's total: the same plan, made without
     * touching the snapshot file.
     */
    public long estimate(List<Path> roots, Exclusions exclusions) throws IOException {
        SnapshotFile previous = levelZero ? null : SnapshotFile.read(snapshot);
        IncrementalPlan plan = IncrementalPlan.scan(roots, previous, Instant.now(), exclusions, warning -> { });
        long total = 0;
        for (List<IncrementalPlan.File> files : List.of(plan.topFiles(), plan.changed())) {
            for (IncrementalPlan.File file : files) {
                if (Files.isRegularFile(file.path(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    total += Files.size(file.path());
                }
            }
        }
        return total;
    }

    /**
     * Creates (or, for a level 0, empties) the snapshot file now, as GNU tar opens it with
     * {@code O_CREAT} before it dumps anything: a file that cannot be written stops the backup
     * before the device is touched rather than after the archive is written.
     */
    private void create() throws IOException {
        try {
            Files.write(snapshot, new byte[0]);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(snapshot + ": cannot create snapshot file: no such folder", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IOException(snapshot + ": cannot create snapshot file: permission denied", e);
        }
    }

    /** Writes the snapshot the next level starts from; called once the archive is complete. */
    public void save(IncrementalPlan plan) throws IOException {
        plan.snapshot().write(snapshot);
    }
}
