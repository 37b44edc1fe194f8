package org.rmt411.protocol;

import java.io.IOException;

/**
 * An operation failed with an errno: on the server it becomes an {@code E<errno>} reply, on the
 * client it is what an {@code E} reply turns into.
 */
public class RmtException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final String text;

    /** An error with a Linux errno number and the text to send or that was received. */
    public RmtException(int errno, String text) {
        super("E" + errno + ": " + text);
        this.errno = errno;
        this.text = text;
    }

    /** An error with the standard glibc text of {@code errno}. */
    public RmtException(Errno errno) {
        this(errno.number(), errno.text());
    }

    /** An error with {@code errno} and a specific text (GNU's own EINVAL texts, for example). */
    public RmtException(Errno errno, String text) {
        this(errno.number(), text);
    }

    /** The Linux errno number. */
    public int errno() {
        return errno;
    }

    /** The error text, as sent on the wire. */
    public String text() {
        return text;
    }
}
