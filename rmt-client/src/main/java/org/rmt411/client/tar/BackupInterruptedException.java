package org.rmt411.client.tar;

import java.io.IOException;

/**
 * A backup stopped on request (SIGINT or SIGTERM in the CLI) before its end. The archive was
 * cut at a record boundary and the device closed properly, so a tape holds whole records and a
 * filemark; the archive has no end-of-archive blocks, and its last member may be cut short.
 */
public final class BackupInterruptedException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The last member written whole, or null when none was. */
    private final String lastMember;
    /** Archive bytes on the device (whole records), or -1 before the device was closed. */
    private final long archiveBytes;

    BackupInterruptedException(String lastMember, long archiveBytes) {
        super("backup interrupted");
        this.lastMember = lastMember;
        this.archiveBytes = archiveBytes;
    }

    /** The last member written whole, or null when none was. */
    public String lastMember() {
        return lastMember;
    }

    /** Archive bytes written to the device, in whole records; -1 when unknown. */
    public long archiveBytes() {
        return archiveBytes;
    }

    /** The same stop, now knowing how much reached the device. */
    BackupInterruptedException written(long bytes) {
        BackupInterruptedException e = new BackupInterruptedException(lastMember, bytes);
        e.initCause(this);
        return e;
    }
}
