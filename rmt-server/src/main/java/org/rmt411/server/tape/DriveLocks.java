package org.rmt411.server.tape;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.RmtException;

/**
 * Who may use which drive. A writable library takes an exclusive lock on {@code driveN.state}
 * (creating it) and writes the holder into it. A read-only library must not create or change
 * anything, so it takes a <em>shared</em> lock on the state file when there is one, opened for
 * reading only: that still excludes every writable server and every operator command (they
 * lock exclusively), and they exclude it. Its limits: two read-only server processes may use one
 * drive at once (harmless: neither changes anything and each keeps its own position in memory),
 * and a drive with no state file (never used by a writable server) is guarded only within the
 * read-only process itself.
 *
 * <p>POSIX record locks, which {@link FileChannel#tryLock()} takes on Linux, belong to the
 * process, and closing <em>any</em> descriptor of a file drops every lock the process holds on
 * it. So the drives this process holds are listed here for the whole process (every library
 * instance over the same root sees them), and a listed state file is never opened a second
 * time: its lease is asked instead. Opening and closing state files happens under the registry's
 * monitor, so no other thread can slip a descriptor in between.
 */
final class DriveLocks {
    private static final Map<Path, DriveLease> HELD = new HashMap<>();

    private final TapeLibrary library;
    private final boolean readOnly;
    /** A read-only server's memory of its drives; it outlives sessions, never the process. */
    private final Map<Integer, DriveLease.Remembered> memory = new ConcurrentHashMap<>();

    DriveLocks(TapeLibrary library, boolean readOnly) {
        this.library = library;
        this.readOnly = readOnly;
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /**
     * Takes drive {@code drive} for exclusive use.
     *
     * @param holder who opens it, recorded for the operator (null for an operator command)
     * @throws RmtException EBUSY when another session or process has it
     */
    DriveLease lease(int drive, DriveHolder holder) throws IOException {
        Path file = library.driveState(drive);
        synchronized (HELD) {
            if (HELD.containsKey(key(file))) {
                throw new RmtException(Errno.EBUSY);
            }
            DriveLease lease = readOnly ? leaseReadOnly(drive, file, holder) : leaseWritable(drive, file, holder);
            HELD.put(key(file), lease);
            return lease;
        }
    }

    private DriveLease leaseWritable(int drive, Path file, DriveHolder holder) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file,
                StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        return new DriveLease(this, drive, channel, lock(channel, false), holder, null);
    }

    private DriveLease leaseReadOnly(int drive, Path file, DriveHolder holder) throws IOException {
        if (!Files.exists(file)) {
            return new DriveLease(this, drive, null, null, holder, memory);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new DriveLease(this, drive, channel, lock(channel, true), holder, memory);
    }

    /** The lock, or EBUSY (closing the channel) when another process holds a conflicting one. */
    private static FileLock lock(FileChannel channel, boolean shared) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock(0, Long.MAX_VALUE, shared);
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM holds the file under another name (a link to the root): busy
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new RmtException(Errno.EBUSY);
        }
        return lock;
    }

    void release(DriveLease lease, FileChannel channel, FileLock lock) throws IOException {
        synchronized (HELD) {
            try {
                if (lock != null) {
                    lock.release();
                }
                if (channel != null) {
                    channel.close();
                }
            } finally {
                HELD.remove(key(library.driveState(lease.drive())), lease);
            }
        }
    }

    /**
     * The drive's state as this process sees it: a session's live state, a read-only server's
     * memory, or the file; null for a drive never used.
     */
    DriveState peek(int drive) throws IOException {
        Path file = library.driveState(drive);
        synchronized (HELD) {
            DriveLease lease = HELD.get(key(file));
            if (lease != null && lease.claimed() != null) {
                DriveState claimed = new DriveState();
                claimed.cartridge = lease.claimed();
                return claimed;
            }
            if (lease != null && lease.live() != null) {
                return lease.live();
            }
            if (lease != null) {
                return lease.saved();
            }
            byte[] onDisk = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            return readOnly ? DriveLease.recall(memory.get(drive), onDisk) : DriveState.parse(onDisk);
        }
    }

    /** Marks {@code barcode} as mounted in {@code drive} by this process's autoloader (see {@link DriveLease#claimed()}). */
    void claim(int drive, String barcode) {
        synchronized (HELD) {
            DriveLease lease = HELD.get(key(library.driveState(drive)));
            if (lease != null) {
                lease.claim(barcode);
            }
        }
    }

    /**
     * Who holds {@code drive}, for an operator's refusal: the session's holder when this process
     * has it or the file names a process still running, otherwise what can be said.
     */
    String describeHolder(int drive) throws IOException {
        Path file = library.driveState(drive);
        synchronized (HELD) {
            DriveLease lease = HELD.get(key(file));
            if (lease != null) {
                return lease.holder() != null ? lease.holder().toString() : "an operator command";
            }
        }
        DriveState s;
        synchronized (HELD) {
            s = Files.exists(file) ? DriveState.parse(Files.readAllBytes(file)) : null;
        }
        DriveHolder h = s == null ? null : s.holder;
        return h != null && h.alive() ? h.toString()
                : "another process that records no holder: a --read-only server or an operator command";
    }
}
