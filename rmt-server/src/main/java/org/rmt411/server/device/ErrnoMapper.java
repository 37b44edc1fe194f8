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
import java.util.Locale;
import org.rmt411.protocol.Errno;
import org.rmt411.protocol.RmtException;

/**
 * The one place where Java exceptions become errno replies, the way MINA SSHD maps
 * {@code java.nio.file} exceptions to SFTP status codes. Everything unknown is EIO.
 */
public final class ErrnoMapper {
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
        if (t instanceof NoSuchFileException) {
            return Errno.ENOENT;
        }
        if (t instanceof AccessDeniedException) {
            return Errno.EACCES;
        }
        if (t instanceof FileAlreadyExistsException) {
            return Errno.EEXIST;
        }
        if (t instanceof NotDirectoryException) {
            return Errno.ENOTDIR;
        }
        if (t instanceof FileSystemLoopException) {
            return Errno.ELOOP;
        }
        if (t instanceof DirectoryNotEmptyException) {
            return Errno.EISDIR;
        }
        if (t instanceof ReadOnlyFileSystemException) {
            return Errno.EROFS;
        }
        // Reading a write-only open or writing a read-only one: GNU rmt answers EBADF (g03).
        if (t instanceof NonReadableChannelException || t instanceof NonWritableChannelException
                || t instanceof ClosedChannelException) {
            return Errno.EBADF;
        }
        if (t instanceof EOFException) {
            return Errno.EIO;
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
