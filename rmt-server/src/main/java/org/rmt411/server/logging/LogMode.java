package org.rmt411.server.logging;

import java.util.Locale;

/** The {@code --log DEST} choices. */
public enum LogMode {
    /** stderr when it is a pipe, file or terminal; the journal (or nowhere) when it is a socket. */
    AUTO,
    /** Standard error, refused when it is a socket other than the journal's. */
    STDERR,
    /** journald's stream socket. */
    JOURNAL,
    /** The file named by {@code --log-file}. */
    FILE,
    /** Nowhere. */
    NONE;

    /** Parses {@code auto|stderr|journal|file|none}. */
    public static LogMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected auto, stderr, journal, file or none");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
