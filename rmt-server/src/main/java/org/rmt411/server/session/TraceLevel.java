package org.rmt411.server.session;

import java.util.Locale;

/** How much {@code --trace} says: nothing, one line per request and reply, or those lines explained. */
public enum TraceLevel {
    /** No trace. */
    OFF,
    /** {@code --trace}: one line per request and one per reply. */
    LINES,
    /** {@code --trace=verbose}: each line followed by what it asks, who sends it so, how it was read. */
    VERBOSE;

    /**
     * The level an option or configuration value names: {@code true} (a bare {@code --trace}, or
     * {@code on} in the file), {@code false}, or {@code verbose}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static TraceLevel parse(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
                return LINES;
            case "false":
                return OFF;
            case "verbose":
                return VERBOSE;
            default:
                throw new IllegalArgumentException("--trace takes no value or =verbose, not '" + value + "'");
        }
    }
}
