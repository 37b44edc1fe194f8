package org.rmt411.server.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a standard descriptor is, from {@code /proc/self/fd/N}: inetd hands the connection over
 * as fds 0, 1 and 2, so a socket there may be the rmt stream itself, where a log line would
 * corrupt the replies (GNU tar then fails with "Cannot open: Input/output error").
 *
 * @param socket whether the descriptor is a socket
 * @param device the socket's {@code st_dev}, or -1 when unknown
 * @param inode the socket's inode, or -1
 */
record StandardError(boolean socket, long device, long inode) {
    /** Linux's O_APPEND, as /proc/self/fdinfo prints the flags (octal). */
    private static final int O_APPEND = 02000;

    /** Probes descriptor {@code fd}; anything unreadable (no /proc) counts as not a socket. */
    static StandardError probe(int fd) {
        Path path = Path.of("/proc/self/fd/" + fd);
        try {
            String link = Files.readSymbolicLink(path).toString();
            if (!link.startsWith("socket:[") || !link.endsWith("]")) {
                return new StandardError(false, -1, -1);
            }
            long inode = Long.parseLong(link.substring(8, link.length() - 1));
            return new StandardError(true, device(path), inode);
        } catch (IOException | RuntimeException e) {
            return new StandardError(false, -1, -1);
        }
    }

    /**
     * Whether descriptor {@code fd} may be reopened through {@code /proc/self/fd} without
     * changing where bytes land: a pipe, a terminal or other device, or a regular file opened
     * with {@code O_APPEND} (its flags in {@code /proc/self/fdinfo}), but no socket.
     */
    static boolean reopenable(int fd) {
        Path path = Path.of("/proc/self/fd/" + fd);
        try {
            String link = Files.readSymbolicLink(path).toString();
            if (link.startsWith("socket:")) {
                return false;
            }
            if (!Files.isRegularFile(path)) {
                return true;
            }
            for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd))) {
                if (line.startsWith("flags:")) {
                    return (Integer.parseInt(line.substring(6).trim(), 8) & O_APPEND) != 0;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static long device(Path path) {
        try {
            return ((Number) Files.getAttribute(path, "unix:dev")).longValue();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Whether this is the journal stream systemd connected for {@code StandardError=journal}: it
     * names that socket in {@code JOURNAL_STREAM=device:inode} (systemd's exec environment).
     */
    boolean isJournalStream(String journalStream) {
        if (!socket || journalStream == null) {
            return false;
        }
        int colon = journalStream.indexOf(':');
        try {
            long dev = Long.parseLong(journalStream.substring(0, colon));
            long ino = Long.parseLong(journalStream.substring(colon + 1));
            return ino == inode && (device < 0 || dev == device);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
