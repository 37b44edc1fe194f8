package org.rmt411.client.tar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;

/**
 * What tar records about one file, read without following symbolic links from the richest
 * attribute view the file system offers: "unix" (Linux: uid, gid, inode, link count), else
 * "posix" (owner names and permissions), else "basic" (jimfs' default).
 *
 * @param fileKey identity for hard-link detection, or null
 * @param links the link count, or 1 when unknown
 * @param mode permission bits (07777)
 * @param device the file system it is on ("unix:dev"), or null when unknown
 */
record FileMeta(BasicFileAttributes basic, Object fileKey, int links, int mode, long uid, long gid,
        String owner, String group, Object device) {

    static FileMeta read(Path path) throws IOException {
        return read(path, false);
    }

    /** As {@link #read(Path)}; with {@code follow}, of what a symbolic link points to (tar -h). */
    static FileMeta read(Path path, boolean follow) throws IOException {
        LinkOption[] how = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        Set<String> views = path.getFileSystem().supportedFileAttributeViews();
        BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class, how);
        int defaultMode = basic.isDirectory() ? 0755 : basic.isSymbolicLink() ? 0777 : 0644;
        if (views.contains("unix")) {
            Map<String, Object> unix = Files.readAttributes(path, "unix:mode,uid,gid,nlink,owner,group,dev", how);
            return new FileMeta(basic, basic.fileKey(), (Integer) unix.get("nlink"),
                    ((Integer) unix.get("mode")) & 07777, ((Integer) unix.get("uid")) & 0xffffffffL,
                    ((Integer) unix.get("gid")) & 0xffffffffL, name(unix.get("owner")), name(unix.get("group")),
                    unix.get("dev"));
        }
        if (views.contains("posix")) {
            PosixFileAttributes posix = Files.readAttributes(path, PosixFileAttributes.class, how);
            int mode = basic.isSymbolicLink() ? 0777 : bits(posix.permissions());
            return new FileMeta(basic, basic.fileKey(), 1, mode, 0, 0, posix.owner().getName(),
                    posix.group().getName(), null);
        }
        return new FileMeta(basic, basic.fileKey(), 1, defaultMode, 0, 0, "", "", null);
    }

    /** Modification time cut to whole seconds, so no per-entry PAX mtime record is needed. */
    FileTime mtimeSeconds() {
        return FileTime.fromMillis(basic.lastModifiedTime().toMillis() / 1000 * 1000);
    }

    /** Permission bits as a set (the low nine bits; setuid and friends are not restored). */
    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = java.util.EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE};
        for (int i = 0; i < order.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                set.add(order[i]);
            }
        }
        return set;
    }

    private static int bits(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 0400 >> p.ordinal();
        }
        return mode;
    }

    private static String name(Object principal) {
        return principal == null ? "" : ((java.security.Principal) principal).getName();
    }
}
