package org.rmt411.server.tape;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.Arrays;
import java.util.Map;

/**
 * Exclusive use of one drive: st refuses a second open of a busy drive with EBUSY. Inside one
 * server process {@link DriveLocks}' registry decides; across processes (each rsh or ssh call is
 * its own server) a lock on the drive's state file does ({@link DriveLocks} explains the
 * read-only variant).
 *
 * <p>A writable lease reads and writes the state file. A read-only lease writes nothing: what
 * the drive did is remembered in the server's memory, together with the file's content when it
 * was read, so the next session of the same server continues where this one stopped unless a
 * writable server has changed the file since.
 */
final class DriveLease implements Closeable {
    /** A read-only server's memory of one drive. */
    record Remembered(byte[] seenOnDisk, byte[] state) {
    }

    private final DriveLocks locks;
    private final int drive;
    private final FileChannel channel;
    private final FileLock lock;
    private final DriveHolder holder;
    /** Null for a writable lease; the server's memory of its drives for a read-only one. */
    private final Map<Integer, Remembered> memory;
    private byte[] seenOnDisk = new byte[0];
    private volatile DriveState live;
    /**
     * What the autoloader just mounted here, until the session's state says so: without it a
     * second drive loading at the same moment would see this one as empty and mount the same
     * cartridge (found by bench/memory.sh with 32 drives).
     */
    private volatile String claimed;
    private boolean closed;

    /**
     * @param channel the state file (null for a read-only lease of a drive that has none)
     * @param lock the lock on it (null likewise)
     * @param holder who opens the drive (null for an operator command)
     * @param memory null for a writable lease
     */
    DriveLease(DriveLocks locks, int drive, FileChannel channel, FileLock lock, DriveHolder holder,
            Map<Integer, Remembered> memory) {
        this.locks = locks;
        this.drive = drive;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
        this.memory = memory;
    }

    int drive() {
        return drive;
    }

    /** Who opened the drive, or null for an operator command. */
    DriveHolder holder() {
        return holder;
    }

    /** The state of the open drive, which the library consults instead of the file. */
    DriveState live() {
        return live;
    }

    void live(DriveState state) {
        this.live = state;
        this.claimed = null;
    }

    /** The cartridge the autoloader has mounted for this drive but the drive's state does not show yet. */
    String claimed() {
        return claimed;
    }

    void claim(String barcode) {
        this.claimed = barcode;
    }

    /** The drive's saved state, or null for a drive never used; the session starts from it. */
    DriveState read() throws IOException {
        if (memory == null) {
            return DriveState.read(channel);
        }
        seenOnDisk = onDisk();
        return recall(memory.get(drive), seenOnDisk);
    }

    /** The saved state as {@link #read()} gives it, for a look from outside the session. */
    DriveState saved() throws IOException {
        return memory == null ? DriveState.read(channel) : recall(memory.get(drive), onDisk());
    }

    private byte[] onDisk() throws IOException {
        return channel == null ? new byte[0] : DriveState.readAll(channel);
    }

    /**
     * What a read-only server knows of a drive: its memory while the file is as it was when
     * remembered, else the file (a writable server or the operator changed it since).
     */
    static DriveState recall(Remembered remembered, byte[] onDisk) throws IOException {
        DriveState s = remembered != null && Arrays.equals(remembered.seenOnDisk(), onDisk)
                ? DriveState.parse(remembered.state()) : DriveState.parse(onDisk);
        if (s != null) {
            s.holder = null; // a record left on disk by a writable server says nothing of this session
        }
        return s;
    }

    /** Records {@code state} as held by this lease's session (the drive is open). */
    void hold(DriveState state) throws IOException {
        state.holder = memory == null ? holder : null;
        save(state);
        claimed = null;
    }

    /** Records {@code state} with nobody holding the drive (it is being closed). */
    void write(DriveState state) throws IOException {
        state.holder = null;
        save(state);
    }

    private void save(DriveState state) throws IOException {
        if (memory == null) {
            state.write(channel);
        } else {
            memory.put(drive, new Remembered(seenOnDisk, state.toBytes()));
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        locks.release(this, channel, lock);
    }
}
