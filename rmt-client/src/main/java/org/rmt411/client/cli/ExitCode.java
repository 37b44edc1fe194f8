package org.rmt411.client.cli;

/**
 * Exit codes of {@code rmt-client}. {@code probe} has its own ({@link ProbeCommand.Answer}).
 */
public enum ExitCode {
    /** Everything worked. */
    OK(0),
    /** Done, but something differs or was skipped: verify mismatch, unsafe or unreadable members. */
    DIFFERENCES(1),
    /** Bad command line (picocli's usage error code). */
    USAGE(2),
    /** A local error: a file or folder here could not be read or written. */
    LOCAL_ERROR(3),
    /** A remote error: the server refused, the connection failed or the server broke the protocol. */
    REMOTE_ERROR(4),
    /**
     * A backup stopped by SIGINT after closing the device; the JVM itself exits with 128 + the
     * signal number: 130 for SIGINT, 143 for SIGTERM.
     */
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }
}
