package org.rmt411.server.tape;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

/**
 * Exclusive use of one drive: st refuses a second open of a busy drive with EBUSY. Inside one
 * server process the library's busy set decides; across processes (each rsh or ssh call is its
 * own server) an exclusive lock on the drive's state file does.
 */
final class DriveLease implements Closeable {
    private final TapeLibrary library;
    private final int drive;
    private final FileChannel channel;
    private final FileLock lock;
    private volatile DriveState live;
    private boolean closed;

    DriveLease(TapeLibrary library, int drive, FileChannel channel, FileLock lock) {
        this.library = library;
        this.drive = drive;
        this.channel = channel;
        this.lock = lock;
    }

    int drive() {
        return drive;
    }

    /** The state of the open drive, which the library consults instead of the file. */
    DriveState live() {
        return live;
    }

    void live(DriveState state) {
        this.live = state;
    }

    /** The drive's saved state, or null for a drive never used. */
    DriveState read() throws IOException {
        return DriveState.read(channel);
    }

    void write(DriveState state) throws IOException {
        state.write(channel);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lock.release();
            channel.close();
        } finally {
            library.release(drive);
        }
    }
}
