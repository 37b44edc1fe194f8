package org.rmt411.server.access;

import org.rmt411.protocol.OpenFlags;

/** What an open does to a device, and what a rule grants or forbids: read, write or both. */
public enum AccessMode {
    READ("read"), WRITE("write"), RW("rw");

    private final String word;

    AccessMode(String word) {
        this.word = word;
    }

    /** The word in the configuration file. */
    public String word() {
        return word;
    }

    /** {@code read}, {@code write} or {@code rw}. */
    public static AccessMode parse(String word) {
        for (AccessMode mode : values()) {
            if (mode.word.equals(word)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + word + "' is not read, write or rw");
    }

    /**
     * What an open with {@code flags} does. Creating, truncating or appending is writing even
     * with {@code O_RDONLY} (Linux creates and truncates on such an open), as {@code --read-only}
     * counts it.
     */
    public static AccessMode of(int flags) {
        boolean reads = OpenFlags.accessMode(flags) != OpenFlags.O_WRONLY;
        boolean writes = OpenFlags.wantsWrite(flags);
        return reads && writes ? RW : writes ? WRITE : READ;
    }

    /** Whether everything {@code other} does is within this mode. */
    public boolean covers(AccessMode other) {
        return this == RW || this == other;
    }

    /** Whether this mode and {@code other} share reading or writing. */
    public boolean overlaps(AccessMode other) {
        return this == RW || other == RW || this == other;
    }
}
