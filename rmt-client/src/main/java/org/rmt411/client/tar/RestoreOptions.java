package org.rmt411.client.tar;

import java.util.List;
import java.util.Objects;
import org.rmt411.client.volume.Volumes;

/**
 * What {@link RemoteArchive#restore} extracts and how:
 * {@code RestoreOptions.DEFAULTS.withMembers(List.of("home/me/notes"))}.
 *
 * @param members members to extract (with what is below them); empty for all
 * @param owners whether and how owners and groups are restored
 * @param volumes one volume, or a set read across volume changes ({@code -M})
 * @param incremental apply dumpdirs as GNU tar's {@code -x -g}: renames, and deletion of what a
 *     folder did not hold when the level was made
 */
public record RestoreOptions(MemberSelection selection, Owners.Mode owners, Volumes volumes, boolean incremental) {
    /** Everything, owners as GNU tar restores them for this user, one volume. */
    public static final RestoreOptions DEFAULTS =
            new RestoreOptions(MemberSelection.ALL, Owners.defaultMode(), Volumes.SINGLE, false);

    public RestoreOptions {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(owners, "owners");
        Objects.requireNonNull(volumes, "volumes");
    }

    /** These options extracting only {@code value} (all when empty). */
    public RestoreOptions withMembers(List<String> value) {
        return withSelection(new MemberSelection(value, false));
    }

    /**
     * Only the members {@code value} selects (GNU tar's member names, with or without
     * {@code --wildcards}); ask it afterwards which names matched nothing.
     */
    public RestoreOptions withSelection(MemberSelection value) {
        return new RestoreOptions(value, owners, volumes, incremental);
    }

    /** These options restoring owners as {@code value} says. */
    public RestoreOptions withOwners(Owners.Mode value) {
        return new RestoreOptions(selection, value, volumes, incremental);
    }

    /** These options reading one volume or several. */
    public RestoreOptions withVolumes(Volumes value) {
        return new RestoreOptions(selection, owners, value, incremental);
    }

    /** These options applying dumpdirs ({@code -g}) or not. */
    public RestoreOptions withIncremental(boolean value) {
        return new RestoreOptions(selection, owners, volumes, value);
    }
}
