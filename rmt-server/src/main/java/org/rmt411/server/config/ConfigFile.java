package org.rmt411.server.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.rmt411.server.access.AccessPolicy;

/**
 * A configuration file as read: its settings (each already checked, in the form the command
 * line takes) and its access rules.
 *
 * @param source the file, or {@code null} for {@link #NONE}
 * @param settings key (the long option without {@code --}) to its value
 */
public record ConfigFile(Path source, Map<String, Setting> settings, AccessPolicy access) {
    /** No file: nothing set, no rules. */
    public static final ConfigFile NONE = new ConfigFile(null, Map.of(), AccessPolicy.OPEN);

    public ConfigFile {
        settings = Map.copyOf(settings);
    }

    /**
     * One {@code key = value} line.
     *
     * @param value as the command line would take it ({@code on}/{@code off} become {@code true}/{@code false})
     * @param line where it was set
     */
    public record Setting(String value, int line) {
    }

    /** The value of {@code key}, when the file sets it. */
    public Optional<String> value(String key) {
        Setting setting = settings.get(key);
        return setting == null ? Optional.empty() : Optional.of(setting.value());
    }
}
