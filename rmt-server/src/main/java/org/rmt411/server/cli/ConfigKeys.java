package org.rmt411.server.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.rmt411.server.config.ConfigException;
import org.rmt411.server.config.ConfigFile;
import org.rmt411.server.config.ConfigParser;
import org.rmt411.server.logging.LogOptions;
import org.rmt411.server.logging.LogMode;
import org.rmt411.server.tape.ByteSize;

/**
 * The configuration file's keys: each is the server's long option of the same name, checked by
 * the parser the command line uses, so a value the file accepts is one {@code --KEY VALUE}
 * accepts. Options about the TCP listener ({@code --port}, {@code --bind}, {@code --allow},
 * {@code --max-sessions}) stay on the command line of the unit or inetd line that starts it.
 */
final class ConfigKeys {
    /** Keys whose value is {@code on} or {@code off}: the server's flags. */
    static final Set<String> SWITCHES = Set.of("tapes", "autoloader", "read-only");

    private static final Map<String, UnaryOperator<String>> KEYS = Map.ofEntries(
            Map.entry("root", ConfigKeys::absolute),
            Map.entry("library", ConfigKeys::absolute),
            Map.entry("tapes", ConfigKeys::onOff),
            Map.entry("drives", v -> range(v, 1, 1000)),
            Map.entry("capacity", ConfigKeys::size),
            Map.entry("early-warning", ConfigKeys::size),
            Map.entry("autoloader", ConfigKeys::onOff),
            Map.entry("read-only", ConfigKeys::onOff),
            Map.entry("idle-timeout", ConfigKeys::duration),
            Map.entry("max-record", v -> range(v, 1, Integer.MAX_VALUE)),
            Map.entry("seek-order", v -> checked(v, QuickArgs::seekOrder)),
            Map.entry("trace", ConfigKeys::trace),
            Map.entry("log", v -> checked(v, LogMode::parse)),
            Map.entry("log-file", ConfigKeys::absolute),
            Map.entry("capture", ConfigKeys::absolute));

    private ConfigKeys() {
    }

    /** The parser for the server's configuration file. */
    static ConfigParser parser() {
        return new ConfigParser(KEYS);
    }

    /**
     * Reads {@code file} and checks the settings that depend on each other, naming the later
     * line: each value alone was already checked by the parser.
     */
    static ConfigFile read(Path file) throws ConfigException {
        ConfigFile config = parser().read(file);
        String capacity = config.value("capacity").orElse(null);
        String warning = config.value("early-warning").orElse(null);
        if (capacity != null && warning != null && ByteSize.parse(capacity) > 0
                && ByteSize.parse(warning) >= ByteSize.parse(capacity)) {
            throw conflict(config, "early-warning", "capacity", "must be below");
        }
        LogOptions log = new LogOptions(config.value("log").map(LogMode::parse).orElse(LogMode.AUTO),
                config.value("log-file").map(Path::of).orElse(null));
        if (log.file() != null && log.mode() != LogMode.AUTO && log.mode() != LogMode.FILE) {
            throw conflict(config, "log-file", "log", "conflicts with");
        }
        if (log.file() == null && log.mode() == LogMode.FILE) {
            ConfigFile.Setting mode = config.settings().get("log");
            throw new ConfigException(file + ":" + mode.line() + ": log = file: name the file with log-file = FILE");
        }
        return config;
    }

    /** {@code FILE:LATER: key = v (line a) REASON other = w (line b)}, at the later of the two lines. */
    private static ConfigException conflict(ConfigFile config, String key, String other, String reason) {
        ConfigFile.Setting a = config.settings().get(key);
        ConfigFile.Setting b = config.settings().get(other);
        return new ConfigException(config.source() + ":" + Math.max(a.line(), b.line()) + ": " + key + " = "
                + a.value() + " (line " + a.line() + ") " + reason + " " + other + " = " + b.value() + " (line "
                + b.line() + ")");
    }

    /**
     * Paths in a file read by processes started in any folder (a login's home under ssh) must
     * not depend on it.
     */
    private static String absolute(String value) {
        if (!Path.of(value).isAbsolute()) {
            throw new IllegalArgumentException("expected an absolute path");
        }
        return value;
    }

    /** {@code on}/{@code off} (also yes/no, true/false), as the command line's {@code true}/{@code false}. */
    private static String onOff(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "on": case "yes": case "true":
                return "true";
            case "off": case "no": case "false":
                return "false";
            default:
                throw new IllegalArgumentException("expected on or off");
        }
    }

    /** {@code on}, {@code off} or {@code verbose}, as {@code --trace[=verbose]}. */
    private static String trace(String value) {
        if (value.equalsIgnoreCase("verbose")) {
            return "verbose";
        }
        try {
            return onOff(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected on, off or verbose");
        }
    }

    private static String range(String value, int min, int max) {
        int n = QuickArgs.number(value);
        if (n < min || n > max) {
            throw new IllegalArgumentException(max == Integer.MAX_VALUE ? "expected at least " + min
                    : "expected " + min + " to " + max);
        }
        return value;
    }

    private static String size(String value) {
        try {
            ByteSize.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected a size such as 1048576, 64K, 512M or 8G");
        }
        return value;
    }

    private static String duration(String value) {
        try {
            DurationValue.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(DurationValue.EXPECTED);
        }
        return value;
    }

    private static String checked(String value, java.util.function.Function<String, ?> parse) {
        parse.apply(value);
        return value;
    }
}
