package org.rmt411.protocol;

/**
 * Linux errno values with their glibc {@code strerror} texts, as carried in an {@code E<errno>}
 * reply.
 *
 * <p>The numbers are host specific in the historical protocol (each server sent its own OS's
 * values); rmt411 always speaks Linux numbering because every client we serve (GNU tar, cpio,
 * GNU mt, dump/restore) is most often built for Linux, and GNU rmt on Linux does the same.
 */
public enum Errno {
    EPERM(1, "Operation not permitted"),
    ENOENT(2, "No such file or directory"),
    EIO(5, "Input/output error"),
    ENXIO(6, "No such device or address"),
    EBADF(9, "Bad file descriptor"),
    ENOMEM(12, "Cannot allocate memory"),
    EACCES(13, "Permission denied"),
    EBUSY(16, "Device or resource busy"),
    EEXIST(17, "File exists"),
    ENOTDIR(20, "Not a directory"),
    EISDIR(21, "Is a directory"),
    EINVAL(22, "Invalid argument"),
    ENOTTY(25, "Inappropriate ioctl for device"),
    EFBIG(27, "File too large"),
    ENOSPC(28, "No space left on device"),
    ESPIPE(29, "Illegal seek"),
    EROFS(30, "Read-only file system"),
    ENAMETOOLONG(36, "File name too long"),
    ENOSYS(38, "Function not implemented"),
    ELOOP(40, "Too many levels of symbolic links"),
    EOVERFLOW(75, "Value too large for defined data type"),
    ENOMEDIUM(123, "No medium found");

    private final int number;
    private final String text;

    Errno(int number, String text) {
        this.number = number;
        this.text = text;
    }

    /** The Linux errno number sent after {@code E}. */
    public int number() {
        return number;
    }

    /** The glibc {@code strerror} text. */
    public String text() {
        return text;
    }
}
