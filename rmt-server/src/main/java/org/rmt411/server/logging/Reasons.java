package org.rmt411.server.logging;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The operating system's reason for a failed file operation, worded as strerror(3) words it.
 * NIO's exceptions often carry only the path as their message ("/x" for EACCES).
 */
public final class Reasons {
    private Reasons() {
    }

    /** {@code Permission denied}, {@code No such file or directory}, ... */
    public static String of(java.io.IOException e) {
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        // java.io reports "FILE (Permission denied)": keep the reason only.
        int paren = message.lastIndexOf(" (");
        return paren >= 0 && message.endsWith(")") ? message.substring(paren + 2, message.length() - 1) : message;
    }
}
