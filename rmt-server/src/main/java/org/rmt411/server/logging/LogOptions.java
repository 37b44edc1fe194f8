package org.rmt411.server.logging;

import java.nio.file.Path;

/**
 * {@code --log DEST} and {@code --log-file FILE} as given.
 *
 * @param file the log file, or {@code null}
 */
public record LogOptions(LogMode mode, Path file) {
    /** No option given. */
    public static final LogOptions AUTO = new LogOptions(LogMode.AUTO, null);

    /** What is wrong with the combination, or {@code null}. */
    public String problem() {
        if (file != null && file.toString().isEmpty()) {
            return "--log-file: the file name is empty";
        }
        if (file != null && mode != LogMode.AUTO && mode != LogMode.FILE) {
            return "--log-file " + file + ": conflicts with --log " + mode;
        }
        if (file == null && mode == LogMode.FILE) {
            return "--log file: name the file with --log-file FILE";
        }
        return null;
    }

    /**
     * The log options among the server's arguments, read before any parser runs so that even a
     * usage error is reported where the operator asked. Anything odd yields {@link #AUTO}; the
     * parsers then report it.
     */
    public static LogOptions scan(String... args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            return AUTO; // an operator subcommand: it has no log options
        }
        LogMode mode = LogMode.AUTO;
        Path file = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--log") && i + 1 < args.length) {
                    mode = LogMode.parse(args[++i]);
                } else if (arg.startsWith("--log=")) {
                    mode = LogMode.parse(arg.substring(6));
                } else if (arg.equals("--log-file") && i + 1 < args.length) {
                    file = Path.of(args[++i]);
                } else if (arg.startsWith("--log-file=")) {
                    file = Path.of(arg.substring(11));
                }
            }
        } catch (IllegalArgumentException e) {
            return AUTO;
        }
        LogOptions options = new LogOptions(mode, file);
        return options.problem() == null ? options : AUTO;
    }
}
