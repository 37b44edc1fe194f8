package org.rmt411.client.tar;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a backup walks the tree, with GNU tar's options of the same meaning.
 *
 * @param dereference archive what symbolic links point to instead of the links ({@code -h},
 *     {@code --dereference}); a folder reached twice on one path is a loop and is not descended
 * @param oneFileSystem do not descend into folders on another file system than their parent
 *     ({@code --one-file-system}); the folder itself is archived, as GNU tar does
 * @param verbose told each name as given, folders with a trailing '/', as {@code tar -cv}
 *     prints it (before GNU tar's prefix stripping: tar shows the name it read)
 */
public record TarHabits(boolean dereference, boolean oneFileSystem, Consumer<String> verbose) {
    /** tar's defaults: links archived as links, every file system, nothing printed. */
    public static final TarHabits DEFAULT = new TarHabits(false, false, name -> { });

    /** Checks the listener is present. */
    public TarHabits {
        Objects.requireNonNull(verbose, "verbose");
    }

    /** Whether names are being printed (GNU tar reports skipped mount points only then). */
    boolean listing() {
        return verbose != DEFAULT.verbose;
    }
}
