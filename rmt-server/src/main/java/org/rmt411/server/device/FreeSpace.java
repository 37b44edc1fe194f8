package org.rmt411.server.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Free room on the file system holding a path, for the headroom extension
 * ({@link org.rmt411.protocol.Headroom}). A margin is kept back because other writers share the
 * file system: what is promised to a write-behind client must stay true while it writes.
 */
public final class FreeSpace {
    /** Kept back from the usable space: room for other writers and file system metadata. */
    public static final long MARGIN = 64L * 1024 * 1024;

    private FreeSpace() {
    }

    /** Usable bytes for an unprivileged writer on {@code path}'s file system, less {@link #MARGIN}; never negative. */
    public static long below(Path path) throws IOException {
        return Math.max(0, Files.getFileStore(path).getUsableSpace() - MARGIN);
    }
}
