package org.rmt411.server.device;

import java.io.EOFException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.RmtException;

/**
 * The one place where Java exceptions become errno replies, the way MINA SSHD maps
 * {@code java.nio.file} exceptions to SFTP status codes. Everything unknown is EIO.
 */
public final class ErrnoMapper {
    /** Exception types in the order they are tested (subclasses before their parents). */
    private static final Map<Class<? extends Throwable>, Errno> BY_TYPE = new LinkedHashMap<>();

    static {
        BY_TYPE.put(NoSuchFileException.class, Errno.ENOENT);
        BY_TYPE.put(AccessDeniedException.class, Errno.EACCES);
        BY_TYPE.put(FileAlreadyExistsException.class, Errno.EEXIST);
        BY_TYPE.put(NotDirectoryException.class, Errno.ENOTDIR);
        BY_TYPE.put(FileSystemLoopException.class, Errno.ELOOP);
        BY_TYPE.put(DirectoryNotEmptyException.class, Errno.EISDIR);
        BY_TYPE.put(ReadOnlyFileSystemException.class, Errno.EROFS);
        // Reading a write-only open or writing a read-only one: GNU rmt answers EBADF (g03).
        BY_TYPE.put(NonReadableChannelException.class, Errno.EBADF);
        BY_TYPE.put(NonWritableChannelException.class, Errno.EBADF);
        BY_TYPE.put(ClosedChannelException.class, Errno.EBADF);
        BY_TYPE.put(EOFException.class, Errno.EIO);
    }

    private ErrnoMapper() {
    }

    /** The errno reply for {@code t}. */
    public static RmtException toRmt(Throwable t) {
        if (t instanceof RmtException) {
            return (RmtException) t;
        }
        Errno errno = errnoOf(t);
        return new RmtException(errno);
    }

    private static Errno errnoOf(Throwable t) {
        for (Map.Entry<Class<? extends Throwable>, Errno> entry : BY_TYPE.entrySet()) {
            if (entry.getKey().isInstance(t)) {
                return entry.getValue();
            }
        }
        return fromMessage(t instanceof FileSystemException
                ? ((FileSystemException) t).getReason() : t.getMessage());
    }

    /** The JDK reports some errors only through strerror text; match the common ones. */
    private static Errno fromMessage(String message) {
        if (message == null) {
            return Errno.EIO;
        }
        String m = message.toLowerCase(Locale.ROOT);
        for (Errno e : Errno.values()) {
            if (m.contains(e.text().toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        if (m.contains("disk quota")) {
            return Errno.ENOSPC;
        }
        return Errno.EIO;
    }
}
