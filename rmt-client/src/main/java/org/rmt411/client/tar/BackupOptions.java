package org.rmt411.client.tar;

import java.util.Objects;
import org.rmt411.client.tar.incremental.ListedIncremental;
import org.rmt411.client.volume.Volumes;

/**
 * How {@link RemoteArchive#backup} writes: compression, read-back verification, exclusions and
 * whether the archive may span volumes. Start from {@link #DEFAULTS} and change what differs:
 * {@code BackupOptions.DEFAULTS.withCompression(Compression.GZIP).withVerify(true)}.
 *
 * @param compression how the archive is compressed ({@link Compression#NONE} for plain tar)
 * @param verify read the archive back and compare it with what was written ({@code -W})
 * @param exclusions members left out ({@code --exclude})
 * @param volumes one volume, or a set of volumes changed at end of tape ({@code -M})
 * @param incremental a listed incremental level against a snapshot file ({@code -g}), or null
 *     for a full backup without one
 */
public record BackupOptions(Compression compression, boolean verify, Exclusions exclusions, Volumes volumes,
        ListedIncremental incremental, TarHabits habits) {
    /** Plain tar, no verification, nothing excluded, one volume. */
    public static final BackupOptions DEFAULTS =
            new BackupOptions(Compression.NONE, false, Exclusions.NONE, Volumes.SINGLE, null, TarHabits.DEFAULT);

    public BackupOptions {
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(exclusions, "exclusions");
        Objects.requireNonNull(volumes, "volumes");
        Objects.requireNonNull(habits, "habits");
        if (volumes.isMulti() && compression != Compression.NONE) {
            // GNU tar refuses the same: a compressed stream cannot be split and resumed per volume.
            throw new IllegalArgumentException("cannot use multi-volume compressed archives");
        }
        if (volumes.isMulti() && verify) {
            throw new IllegalArgumentException("cannot verify multi-volume archives");
        }
    }

    /** These options with another compression. */
    public BackupOptions withCompression(Compression value) {
        return new BackupOptions(value, verify, exclusions, volumes, incremental, habits);
    }

    /** These options with verification on or off. */
    public BackupOptions withVerify(boolean value) {
        return new BackupOptions(compression, value, exclusions, volumes, incremental, habits);
    }

    /** These options with other exclusions. */
    public BackupOptions withExclusions(Exclusions value) {
        return new BackupOptions(compression, verify, value, volumes, incremental, habits);
    }

    /** These options writing one volume or several. */
    public BackupOptions withVolumes(Volumes value) {
        return new BackupOptions(compression, verify, exclusions, value, incremental, habits);
    }

    /** These options making a listed incremental level against {@code value}'s snapshot file. */
    public BackupOptions withIncremental(ListedIncremental value) {
        return new BackupOptions(compression, verify, exclusions, volumes, value, habits);
    }

    /** How trees are walked and shown: GNU tar's {@code -h}, {@code --one-file-system}, {@code -v}. */
    public BackupOptions withHabits(TarHabits value) {
        return new BackupOptions(compression, verify, exclusions, volumes, incremental, value);
    }
}
