package org.rmt411.client.tar;

import java.util.Objects;
import org.rmt411.client.volume.Volumes;

/**
 * How {@link RemoteArchive#list} lists: {@code ListOptions.DEFAULTS.withVerbose(true)}.
 *
 * @param verbose the long form of {@code tar -tv} instead of names only
 * @param volumes one volume, or a set read across volume changes ({@code -M})
 * @param incremental with {@code verbose}, each folder's dumpdir after it, as {@code tar -tvvv -g}
 */
public record ListOptions(boolean verbose, Volumes volumes, boolean incremental, MemberSelection selection) {
    /** Names only, one volume. */
    public static final ListOptions DEFAULTS = new ListOptions(false, Volumes.SINGLE, false, MemberSelection.ALL);

    public ListOptions {
        Objects.requireNonNull(volumes, "volumes");
        Objects.requireNonNull(selection, "selection");
    }

    /** These options with the long form on or off. */
    public ListOptions withVerbose(boolean value) {
        return new ListOptions(value, volumes, incremental, selection);
    }

    /** These options reading one volume or several. */
    public ListOptions withVolumes(Volumes value) {
        return new ListOptions(verbose, value, incremental, selection);
    }

    /** These options showing dumpdirs ({@code -g}) or not. */
    public ListOptions withIncremental(boolean value) {
        return new ListOptions(verbose, volumes, value, selection);
    }

    /**
     * Only the members {@code value} selects (GNU tar's member names, with or without
     * {@code --wildcards}); ask it afterwards which names matched nothing.
     */
    public ListOptions withSelection(MemberSelection value) {
        return new ListOptions(verbose, volumes, incremental, value);
    }
}
